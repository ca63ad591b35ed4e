import { readFileSync } from 'node:fs';

/**
 * CPU time a process has used so far (user + system, its threads included, and its children
 * once it has reaped them: Redis's AOF rewrites run in a forked child), read from /proc/PID/stat; undefined off Linux or once the process is gone. On a machine shared with
 * other work, wall-clock rates say more about the neighbours than about the code; CPU per event
 * does not, and it bounds the rate the cluster would reach on free cores.
 */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime.
  const ticks = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
  // USER_HZ is 100 on every Linux this runs on (sysconf is not reachable from Node).
  return Number.isFinite(ticks) ? (ticks * 1000) / 100 : undefined;
}

/** CPU used by a set of processes between `begin()` and `end()`, in ms each. */
export class CpuMeter {
  private readonly before: (number | undefined)[];

  constructor(private readonly pids: readonly (number | undefined)[]) {
    this.before = pids.map(cpuMsOf);
  }

  /** CPU ms per process since construction; undefined where it could not be read. */
  end(): (number | undefined)[] {
    return this.pids.map((pid, i) => {
      const now = cpuMsOf(pid);
      const then = this.before[i];
      return now === undefined || then === undefined ? undefined : now - then;
    });
  }
}
