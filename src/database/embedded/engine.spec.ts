import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal128, ObjectId } from 'bson';
import { runCommand } from './commands';
import { CursorStore } from './cursors';
import { Engine } from './engine';
import { Journal } from './storage/journal';

describe('Engine', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sira-engine-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Opening again without close() is what a restart after kill -9 sees: snapshot + journal.
  const reopen = () => Engine.open(dir).engine;

  it('replays every kind of change from the journal', () => {
    const { engine: sut } = Engine.open(dir);
    const users = sut.ensureCollection('app', 'users');
    sut.createIndex(users, { v: 2, key: { email: 1 }, name: 'email_1', unique: true });
    const awa = {
      _id: new ObjectId(),
      email: 'awa@x.org',
      balance: Decimal128.fromString('10.50'),
    };
    sut.insert(users, awa);
    sut.insert(users, { _id: 2, email: 'gone@x.org' });
    sut.replace(users, awa, { ...awa, email: 'awa@y.org' });
    sut.remove(users, users.getById(2)!);
    sut.insert(sut.ensureCollection('app', 'temp'), { _id: 1 });
    sut.dropCollection('app', 'temp');
    sut.insert(sut.ensureCollection('app', 'old'), { _id: 1, kept: true });
    sut.renameCollection('app', 'old', 'app', 'new');
    sut.commit();

    const again = reopen();

    expect(again.collection('app', 'users')!.all()).toEqual([{ ...awa, email: 'awa@y.org' }]);
    expect(again.collection('app', 'temp')).toBeUndefined();
    expect(again.collection('app', 'old')).toBeUndefined();
    expect(again.collection('app', 'new')!.all()).toEqual([{ _id: 1, kept: true }]);
    expect(() =>
      again.insert(again.collection('app', 'users')!, { _id: 3, email: 'awa@y.org' }),
    ).toThrow(
      /E11000 duplicate key error collection: app.users index: email_1 dup key: \{ email: "awa@y.org" \}/,
    );
  });

  it('does not persist changes that were never committed', () => {
    const { engine: sut } = Engine.open(dir);
    sut.insert(sut.ensureCollection('app', 'c'), { _id: 1 });
    sut.commit();
    sut.insert(sut.collection('app', 'c')!, { _id: 2 });

    expect(reopen().collection('app', 'c')!.all()).toEqual([{ _id: 1 }]);
  });

  it('compacts the journal into the snapshot on close', () => {
    const { engine: sut } = Engine.open(dir);
    sut.insert(sut.ensureCollection('app', 'c'), { _id: 1 });
    sut.commit();
    expect(sut.journalBytes).toBeGreaterThan(0);

    sut.close();
    const again = reopen();

    expect(again.journalBytes).toBe(0);
    expect(again.collection('app', 'c')!.all()).toEqual([{ _id: 1 }]);
  });

  it('keeps everything in memory without a data directory', () => {
    const { engine: sut } = Engine.open(null);

    sut.insert(sut.ensureCollection('app', 'c'), { _id: 1 });
    sut.commit();

    expect(sut.journalBytes).toBe(0);
    expect(sut.collection('app', 'c')!.size).toBe(1);
  });

  it('expires documents past a TTL index and journals the removal', () => {
    const { engine: sut } = Engine.open(dir);
    const sessions = sut.ensureCollection('app', 'sessions');
    sut.createIndex(sessions, {
      v: 2,
      key: { expiresAt: 1 },
      name: 'expiresAt_1',
      expireAfterSeconds: 0,
    });
    sut.insert(sessions, { _id: 'old', expiresAt: new Date('2026-01-01T00:00:00Z') });
    sut.insert(sessions, { _id: 'new', expiresAt: new Date('2026-12-01T00:00:00Z') });
    sut.insert(sessions, { _id: 'none' });
    sut.commit();

    const removed = sut.expire(new Date('2026-06-01T00:00:00Z'));

    expect(removed).toBe(1);
    expect(
      reopen()
        .collection('app', 'sessions')!
        .all()
        .map((d) => d._id),
    ).toEqual(['new', 'none']);
  });

  it('acknowledges nothing more once a journal write has failed', () => {
    const { engine } = Engine.open(dir);
    const ctx = { engine, cursors: new CursorStore(), connectionId: 1 };
    const insert = (id: number) =>
      runCommand({ insert: 'c', documents: [{ _id: id }], $db: 'app' }, ctx);
    insert(1);
    const write = jest.spyOn(Journal.prototype, 'append').mockImplementationOnce(() => {
      throw new Error('ENOSPC: no space left on device');
    });

    expect(() => insert(2)).toThrow(/ENOSPC/);
    expect(insert(3)).toMatchObject({
      ok: 0,
      code: 1,
      errmsg: expect.stringContaining('journal write failed'),
    });
    expect(runCommand({ ping: 1, $db: 'admin' }, ctx)).toMatchObject({ ok: 1 });
    write.mockRestore();
    expect(reopen().collection('app', 'c')!.all()).toEqual([{ _id: 1 }]);
  });
});
