import { readBuffer } from './hsds-files';

describe('readBuffer', () => {
  it('numbers CSV rows by the line they start on, across quoted line breaks', () => {
    const sut = readBuffer(
      'services.csv',
      Buffer.from('\uFEFFID, Name\ns1,"two\nlines"\ns2,one\n'),
    );
    expect(sut.issues).toEqual([]);
    expect(sut.tables).toEqual([
      {
        entity: 'services',
        file: 'services.csv',
        rows: [
          { row: 2, data: { id: 's1', name: 'two\nlines' } },
          { row: 4, data: { id: 's2', name: 'one' } },
        ],
      },
    ]);
  });

  it('reports a malformed record and keeps the others', () => {
    const sut = readBuffer(
      'phone.csv',
      Buffer.from('id,number\np1,+223 0000 0001\np2,1,extra\np3,+223 0000 0003\n'),
    );
    expect(sut.tables[0].entity).toBe('phones');
    expect(sut.tables[0].rows.map((r) => r.data.id)).toEqual(['p1', 'p3']);
    expect(sut.issues).toEqual([
      {
        file: 'phone.csv',
        row: 3,
        field: '',
        reason: expect.stringMatching(/^malformed CSV record/),
      },
    ]);
  });

  it('refuses binary files, unknown tables and other extensions as a whole', () => {
    expect(
      readBuffer('services.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).issues[0]
        .reason,
    ).toBe('is not a text file');
    expect(readBuffer('people.csv', Buffer.from('id\n1\n')).issues[0].reason).toMatch(
      /^is not named after an HSDS table/,
    );
    expect(readBuffer('services.xlsx', Buffer.from('x')).issues[0].reason).toBe(
      'is neither .json, .csv nor .zip',
    );
    expect(readBuffer('directory.json', Buffer.from('{"services": [')).issues[0].reason).toMatch(
      /^is not valid JSON/,
    );
  });
});
