import { PerformanceObserver } from 'node:perf_hooks';

interface Tick {
  wallMs: number;
  cpuMs: number;
}

/**
 * The longest stretch the event loop was kept busy by code while `work` ran: milliseconds of
 * the main thread's CPU time between two turns of a 1 ms timer, less the garbage collections
 * within. CPU time, so waiting for a core on a crowded machine is no stall; collections
 * excluded, as their length follows the heap of the whole test process (under tap a full
 * collection takes 100–350 ms) and they are reported by the GC metrics, not by this probe.
 */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const ticks: Tick[] = [tick()];
  const collections = new PerformanceObserver(() => undefined);
  collections.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => ticks.push(tick()), 1);
  try {
    const result = await work();
    ticks.push(tick());
    return { result, stallMs: longestGap(ticks, collections.takeRecords()) };
  } finally {
    clearInterval(timer);
    collections.disconnect();
  }
}

function longestGap(ticks: Tick[], collections: { startTime: number; duration: number }[]): number {
  let longest = 0;
  for (let i = 1; i < ticks.length; i++) {
    const [from, to] = [ticks[i - 1] as Tick, ticks[i] as Tick];
    const collecting = collections
      .filter((gc) => gc.startTime >= from.wallMs && gc.startTime < to.wallMs)
      .reduce((sum, gc) => sum + gc.duration, 0);
    longest = Math.max(longest, to.cpuMs - from.cpuMs - collecting);
  }
  return longest;
}

function tick(): Tick {
  const usage = process.threadCpuUsage();
  return { wallMs: performance.now(), cpuMs: (usage.user + usage.system) / 1000 };
}
