import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Long, ObjectId, serialize } from 'bson';
import { Journal } from './journal';

describe('Journal', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sira-journal-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const journalFiles = () => readdirSync(dir).filter((f) => f.startsWith('journal-'));

  const reopen = () => {
    const { journal, loaded } = Journal.open(dir);
    journal.close();
    return loaded;
  };

  it('reads back appended records with their BSON types', () => {
    const id = new ObjectId();
    const { journal: sut } = Journal.open(dir);
    sut.append([
      { op: 'put', doc: { _id: id, at: new Date(5), big: Long.fromString('9007199254740993') } },
    ]);
    sut.close();

    const loaded = reopen();

    expect(loaded.journal).toHaveLength(1);
    expect(loaded.journal[0].doc._id).toEqual(id);
    expect(loaded.journal[0].doc.at).toEqual(new Date(5));
    expect(String(loaded.journal[0].doc.big)).toBe('9007199254740993');
  });

  it('drops a torn record at the end and truncates it away', () => {
    const { journal: sut } = Journal.open(dir);
    sut.append([{ n: 1 }, { n: 2 }]);
    sut.close();
    const file = join(dir, journalFiles()[0]);
    const intact = statSync(file).size;
    appendFileSync(file, Buffer.from([40, 0, 0, 0, 16, 110]));

    const { journal, loaded } = Journal.open(dir);
    journal.append([{ n: 3 }]);
    journal.close();
    const again = reopen();

    expect(loaded.journal.map((r) => r.n)).toEqual([1, 2]);
    expect(loaded.tornBytes).toBe(6);
    expect(again.journal.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(statSync(file).size).toBeGreaterThan(intact);
  });

  it('compacts into a snapshot and starts an empty journal', () => {
    const { journal: sut } = Journal.open(dir);
    sut.append([{ n: 1 }]);

    sut.compact([{ state: 'a' }, { state: 'b' }]);
    sut.append([{ n: 2 }]);
    sut.close();
    const loaded = reopen();

    expect(loaded.snapshot.map((r) => r.state)).toEqual(['a', 'b']);
    expect(loaded.journal.map((r) => r.n)).toEqual([2]);
    expect(journalFiles()).toEqual(['journal-1.bson']);
  });

  it('ignores a journal the snapshot already holds (crash right after a compaction)', () => {
    const { journal: sut } = Journal.open(dir);
    sut.compact([{ state: 'a' }]);
    sut.close();
    writeFileSync(join(dir, 'journal-0.bson'), Buffer.from(serialize({ n: 'stale' })));

    const loaded = reopen();

    expect(loaded.journal).toEqual([]);
    expect(journalFiles()).toEqual(['journal-1.bson']);
  });

  it('refuses a corrupt snapshot', () => {
    writeFileSync(join(dir, 'snapshot.bson'), Buffer.from([1, 2, 3]));

    expect(() => Journal.open(dir)).toThrow(/snapshot .* is corrupt/);
  });

  it('refuses a directory locked by another live process', () => {
    writeFileSync(join(dir, 'LOCK'), String(process.ppid));

    expect(() => Journal.open(dir)).toThrow(/in use by process/);
  });

  it('takes over the lock of a dead process', () => {
    writeFileSync(join(dir, 'LOCK'), '999999999');

    const { journal } = Journal.open(dir);
    journal.close();

    expect(journal.size).toBe(0);
  });
});
