import * as net from 'node:net';
import { Logger } from '@nestjs/common';
import { databaseNameOf, describeHosts, redactCredentials, waitForMongo } from './connection';
import { DatabaseExceptionCode } from './database.exception';

describe('database connection helpers', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('names the hosts of a URI without its credentials', () => {
    expect(
      describeHosts('mongodb+srv://sira:s3cret@a.example.org,b.example.org/sira?retryWrites=true'),
    ).toBe('a.example.org,b.example.org');
    expect(describeHosts('mongodb://127.0.0.1:27017')).toBe('127.0.0.1:27017');
  });

  it('reads the database name of a URI, if any', () => {
    expect(databaseNameOf('mongodb://u:p@h1,h2/sira?replicaSet=rs0')).toBe('sira');
    expect(databaseNameOf('mongodb://localhost:27017/?replicaSet=rs0')).toBeNull();
    expect(databaseNameOf('mongodb://localhost:27017')).toBeNull();
  });

  it('redacts credentials echoed in an error message', () => {
    expect(redactCredentials('failed mongodb://sira:s3cret@db:27017/x')).toBe(
      'failed mongodb://***@db:27017/x',
    );
  });

  it('gives up after the configured attempts with an error naming the host, not the password', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const error = await waitForMongo(`mongodb://sira:s3cret@127.0.0.1:${port}/sira`, {
      attempts: 2,
      initialDelayMs: 10,
      maxDelayMs: 10,
      serverSelectionTimeoutMS: 200,
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: DatabaseExceptionCode.UNREACHABLE });
    expect((error as Error).message).toContain(
      `MongoDB at 127.0.0.1:${port} is unreachable after 2 attempts`,
    );
    expect((error as Error).message).not.toContain('s3cret');
  });
});
