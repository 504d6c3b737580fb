import mongoose from 'mongoose';
import { databaseUri, startTestDatabase } from '../harness/database';

describe('test database harness', () => {
  it('resolves MONGODB_URI, else MONGOD_BINARY, else the embedded server, and answers a ping', async () => {
    const expected = process.env.MONGODB_URI
      ? 'external'
      : process.env.MONGOD_BINARY
        ? 'mongod'
        : 'embedded';
    const sut = await startTestDatabase();
    const conn = await mongoose.createConnection(databaseUri(sut.uri, 'harness')).asPromise();

    const pong = await conn.db!.admin().command({ ping: 1 });
    await conn.close();
    await sut.stop();

    expect(sut.kind).toBe(expected);
    expect(sut.uri).not.toMatch(/\/harness/);
    expect(pong).toMatchObject({ ok: 1 });
  });

  it('adds a database name to an address, keeping its query string', () => {
    expect(databaseUri('mongodb://127.0.0.1:27017', 'a')).toBe('mongodb://127.0.0.1:27017/a');
    expect(databaseUri('mongodb://127.0.0.1:27017/', 'a')).toBe('mongodb://127.0.0.1:27017/a');
    expect(databaseUri('mongodb+srv://u:p@cluster.example.org/old?retryWrites=true', 'a')).toBe(
      'mongodb+srv://u:p@cluster.example.org/a?retryWrites=true',
    );
  });
});
