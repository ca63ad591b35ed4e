// Preloaded into relay children by `npm run bench:cluster -- --cpu-prof` (NODE_OPTIONS=--import …):
// Node refuses --cpu-prof in NODE_OPTIONS, and the relays are started by the shared
// test/support/relay-process.ts, so the profile is taken from inside. Plain .mjs because it
// loads before tsx. The bench sends SIGUSR2 when the phase to profile begins and again when it
// ends; the profile is written then (the restarted relay's begins at its start). In-process inspector sessions answer synchronously.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CLUSTER_PROFILE_DIR;
if (dir !== undefined) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  let running = false;
  let written = 0;
  // The restarted relay is profiled from its start until it is ready.
  if (process.env.CLUSTER_PROFILE_FROM_START === '1') {
    session.post('Profiler.start');
    running = true;
  }
  process.on('SIGUSR2', () => {
    if (!running) {
      session.post('Profiler.start');
      running = true;
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error !== null || result === undefined) return;
      mkdirSync(dir, { recursive: true });
      written++;
      writeFileSync(join(dir, `relay-${process.pid}-${written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
