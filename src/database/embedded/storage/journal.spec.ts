import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Long, ObjectId } from 'bson';
import { Journal } from './journal';

describe('Journal', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sira-journal-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads back appended records with their BSON types', () => {
    const id = new ObjectId();
    const { journal: sut } = Journal.open(dir);
    sut.append([
      { op: 'put', doc: { _id: id, at: new Date(5), big: Long.fromString('9007199254740993') } },
    ]);
    sut.close();

    const { journal, loaded } = Journal.open(dir);
    journal.close();

    expect(loaded.journal).toHaveLength(1);
    expect(loaded.journal[0].doc._id).toEqual(id);
    expect(loaded.journal[0].doc.at).toEqual(new Date(5));
    expect(String(loaded.journal[0].doc.big)).toBe('9007199254740993');
  });

  it('drops a torn record at the end and truncates it away', () => {
    const { journal: sut } = Journal.open(dir);
    sut.append([{ n: 1 }, { n: 2 }]);
    sut.close();
    const intact = statSync(join(dir, 'journal.bson')).size;
    appendFileSync(join(dir, 'journal.bson'), Buffer.from([40, 0, 0, 0, 16, 110]));

    const { journal, loaded } = Journal.open(dir);
    journal.append([{ n: 3 }]);
    journal.close();
    const again = Journal.open(dir);
    again.journal.close();

    expect(loaded.journal.map((r) => r.n)).toEqual([1, 2]);
    expect(loaded.tornBytes).toBe(6);
    expect(again.loaded.journal.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(statSync(join(dir, 'journal.bson')).size).toBeGreaterThan(intact);
  });

  it('compacts into a snapshot and empties the journal', () => {
    const { journal: sut } = Journal.open(dir);
    sut.append([{ n: 1 }]);

    sut.compact([{ state: 'a' }, { state: 'b' }]);
    sut.close();
    const { journal, loaded } = Journal.open(dir);
    journal.close();

    expect(loaded.snapshot.map((r) => r.state)).toEqual(['a', 'b']);
    expect(loaded.journal).toEqual([]);
    expect(readFileSync(join(dir, 'journal.bson')).length).toBe(0);
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
