import { EmbeddedMongoServer } from '../../src/database/embedded/server';

export type TestDatabaseKind = 'external' | 'mongod' | 'embedded';

export interface TestDatabase {
  // Server address without a database name: callers append `/<name>` (see databaseUri).
  uri: string;
  kind: TestDatabaseKind;
  stop(): Promise<void>;
}

// Adds a database name to a server address, keeping any query string (authSource, replicaSet ...).
export function databaseUri(uri: string, dbName: string): string {
  const [base, query] = uri.split('?');
  const withoutPath = base.replace(/^(mongodb(?:\+srv)?:\/\/[^/]+)(\/.*)?$/, '$1');
  return `${withoutPath}/${dbName}${query ? `?${query}` : ''}`;
}

// MONGODB_URI if set, else a local mongod (MONGOD_BINARY) via mongodb-memory-server-core, else the embedded server in memory.
export async function startTestDatabase(): Promise<TestDatabase> {
  const external = process.env.MONGODB_URI;
  if (external) {
    // Any database name in the address is dropped; a query string is kept (use databaseUri to add a name).
    const uri = external.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)\/[^?]*/, '$1');
    return { uri, kind: 'external', stop: async () => undefined };
  }
  const binary = process.env.MONGOD_BINARY;
  if (binary) {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const mongod = await MongoMemoryServer.create({ binary: { systemBinary: binary } });
    return {
      uri: mongod.getUri().replace(/\/$/, ''),
      kind: 'mongod',
      stop: async () => {
        await mongod.stop();
      },
    };
  }
  const server = new EmbeddedMongoServer();
  const { uri } = await server.start({ dataDir: null });
  return { uri, kind: 'embedded', stop: () => server.stop() };
}
