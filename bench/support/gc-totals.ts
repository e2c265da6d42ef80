import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The collector's pauses so far in a server started with gcProbe's flag (gc-probe.ts). */
export interface GcTotals {
  scavenges: number;
  scavengeMs: number;
  fullGcs: number;
  fullGcMs: number;
  otherMs: number;
}

/** Node's flag that preloads the probe, and the variable naming the file it writes for `name`. */
export function gcProbe(name: string): { flag: string; env: Record<string, string> } {
  const dir = join(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `gc-${process.pid}-${name}.json`);
  return { flag: `--import=${join(import.meta.dirname, 'gc-probe.ts')}`, env: { GC_PROBE_FILE: file } };
}

/** Asks the server for its sums (SIGUSR2) and reads them once written. */
export async function gcTotals(pid: number, file: string): Promise<GcTotals> {
  await rm(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let attempt = 0; attempt < 100; attempt++) {
    await sleep(20);
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text !== '') return JSON.parse(text) as GcTotals;
  }
  throw new Error(`no GC sums from ${pid} in ${file}`);
}
