import type { Doc } from '../documents';
import type { CommandHandler } from './context';

const SERVER_VERSION = '7.0.0';

const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

// Looks like a standalone mongod 7.0 (wire version 21). No topologyVersion: the driver polls instead of streaming.
const hello: CommandHandler = (cmd, ctx) => {
  const reply: Doc = {
    isWritablePrimary: true,
    ismaster: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
  if (cmd.helloOk === true || cmd.hello !== undefined) reply.helloOk = true;
  return reply;
};

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'sira-embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['sira-embedded'],
  modules: [],
  ok: 1,
});

const ok: CommandHandler = () => ({ ok: 1 });

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  endSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
  refreshSessions: ok,
  getParameter: (cmd) => ({
    ...(cmd.featureCompatibilityVersion ? { featureCompatibilityVersion: { version: '7.0' } } : {}),
    ok: 1,
  }),
  getCmdLineOpts: () => ({ argv: ['sira-embedded'], parsed: {}, ok: 1 }),
  hostInfo: () => ({ system: { hostname: '127.0.0.1' }, os: {}, extra: {}, ok: 1 }),
  whatsmyuri: () => ({ you: '127.0.0.1', ok: 1 }),
  connectionStatus: () => ({
    authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
    ok: 1,
  }),
  serverStatus: (_cmd, ctx) => ({
    host: '127.0.0.1',
    version: SERVER_VERSION,
    process: 'sira-embedded',
    connections: { current: ctx.connectionId },
    ok: 1,
  }),
};
