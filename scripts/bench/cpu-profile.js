// Preloaded into the service by `npm run bench -- --profile`: the first SIGUSR2 starts the CPU
// profiler, the second writes a .cpuprofile (open in Chrome DevTools) to BENCH_PROFILE_FILE.
'use strict';
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start', () => process.stdout.write('profiling\n')));
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    running = false;
    if (!error) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(result.profile));
    process.stdout.write('profile written\n');
  });
});
