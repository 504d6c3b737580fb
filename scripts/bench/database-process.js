// The embedded database as a process of its own for `npm run bench -- --soak`, so that the service's
// RSS and the database's are measured apart (in production the database is mongod, not Sira).
// Env: BENCH_DB_DIR (journal directory). Prints "ready <uri>"; SIGTERM writes a snapshot and exits.
'use strict';
const { join } = require('node:path');
const { EmbeddedMongoServer } = require(
  join(__dirname, '..', '..', 'dist', 'src', 'database', 'embedded', 'server'),
);

const server = new EmbeddedMongoServer();
server
  .start({ dataDir: process.env.BENCH_DB_DIR })
  .then(({ uri }) => process.stdout.write(`ready ${uri}\n`));
process.on('SIGTERM', () => {
  void server.stop().finally(() => process.exit(0));
});
