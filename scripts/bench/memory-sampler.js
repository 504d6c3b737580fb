// Preloaded into the service by `npm run bench`: samples the app thread's heap every 100 ms. Over the
// IPC channel, 'memory:report' answers { heapUsed, heapTotal, external } peaks in MB since the last
// report, and with --expose-gc the heap still in use after a full collection (the live set).
// (The process's RSS, app thread and database worker together, the bench reads from /proc.)
'use strict';

const MB = 1024 * 1024;
let peaks = { heapUsed: 0, heapTotal: 0, external: 0 };
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peaks = {
    heapUsed: Math.max(peaks.heapUsed, m.heapUsed / MB),
    heapTotal: Math.max(peaks.heapTotal, m.heapTotal / MB),
    external: Math.max(peaks.external, m.external / MB),
  };
}, 100);
timer.unref();
process.on('message', (message) => {
  if (message !== 'memory:report') return;
  let live;
  if (typeof global.gc === 'function') {
    global.gc();
    live = process.memoryUsage().heapUsed / MB;
  }
  process.send({ memory: { ...peaks, live } });
  peaks = { heapUsed: 0, heapTotal: 0, external: 0 };
});
