import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

/*
 * Preloaded into a server by bench:server-flags (`--import`): sums the garbage collector's
 * pauses on the main thread by kind, and writes the sums to GC_PROBE_FILE on SIGUSR2, so a
 * benchmark can tell the collector's share of a request from the rest of its CPU time.
 */
const file = process.env.GC_PROBE_FILE!;
const totals = { scavenges: 0, scavengeMs: 0, fullGcs: 0, fullGcMs: 0, otherMs: 0 };

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail: { kind: number } }).detail.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      totals.scavenges++;
      totals.scavengeMs += entry.duration;
    } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      totals.fullGcs++;
      totals.fullGcMs += entry.duration;
    } else totals.otherMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

process.on('SIGUSR2', () => writeFileSync(file, JSON.stringify(totals)));
