// Preloaded into the service by `npm run bench -- --profile`. Over the IPC channel, 'profile:start'
// starts the CPU profiler and 'profile:stop' writes a .cpuprofile (open in Chrome DevTools) to
// BENCH_PROFILE_FILE. (Signals are no use: Nest's shutdown hooks take SIGUSR2.)
'use strict';
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
process.on('message', (message) => {
  if (message === 'profile:start') {
    session.post('Profiler.enable', () =>
      session.post('Profiler.start', () => process.send('profile:started')),
    );
  } else if (message === 'profile:stop') {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(result.profile));
      process.send('profile:written');
    });
  }
});
