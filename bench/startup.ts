import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshDatabase } from './support/seed.ts';
import { importFirstRow, serverStart, type Start } from './support/startup-runs.ts';

/*
 * `npm run bench:startup`: time to ready of the server (first 200 from /health/ready) on PGlite
 * with a fresh DATA_DIR (initdb and every migration), on PGlite with an existing DATA_DIR, and
 * on PostgreSQL; and the import CLI's time to its first row on a small generated file. Each
 * BENCH_RUNS times (default 5): median, min–max, median CPU time of the child, and the median
 * moment of each start-up line. Targets (quiet machine): < 3 s on PGlite, < 1 s on PostgreSQL.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'marquee-bench-startup-'));

async function measure(name: string, once: () => Promise<Start>): Promise<void> {
  await once(); // warm-up: the OS file cache, a migrated database; not counted
  const starts: Start[] = [];
  for (let run = 0; run < RUNS; run++) starts.push(await once());
  report(name, starts);
}

/** The middle value; runs where a step's line was not seen yet (stdout arrives after the probe) are left out. */
const median = (values: number[]) => {
  const known = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return known[Math.floor(known.length / 2)] ?? NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function report(name: string, starts: Start[]): void {
  const walls = starts.map((s) => s.wallMs);
  const spread = `${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))}`;
  const names = [...new Set(starts.flatMap((start) => Object.keys(start.steps)))];
  const steps = names.map((step) => `${step} ${seconds(median(starts.map((s) => s.steps[step] ?? NaN)))}`);
  console.log(`${name.padEnd(34)} median ${seconds(median(walls))} (${spread}), CPU ${seconds(median(starts.map((s) => s.cpuMs)))}`);
  if (steps.length > 0) console.log(`${''.padEnd(34)} at: ${steps.join(', ')}`);
}

/** A fresh PostgreSQL database for the bench, or undefined (with a line) when none answers. */
async function postgresUrl(): Promise<string | undefined> {
  const probe = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await probe.connect();
    await probe.end();
    return await freshDatabase(ADMIN_URL, 'marquee_bench_startup');
  } catch (error) {
    console.log(`PostgreSQL at ${ADMIN_URL} not reachable (${(error as Error).message}): its figures are skipped`);
    return undefined;
  }
}

function smallImportFile(rows: number): string {
  const file = join(work, 'movies.ndjson');
  const lines = Array.from({ length: rows }, (_, i) => JSON.stringify({ title: `Bench ${i}`, director: `Director ${i % 50}` }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function main(): Promise<void> {
  console.log(
    `bench:startup, ${RUNS} runs each after one warm-up; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let fresh = 0;
  await measure('server, PGlite, fresh DATA_DIR', () => serverStart({ DATA_DIR: join(work, `fresh-${fresh++}`) }));
  const existing = { DATA_DIR: join(work, 'existing') };
  await measure('server, PGlite, existing DATA_DIR', () => serverStart(existing));
  // The same start without Node's compile cache (src/infrastructure/compile-cache.ts): what it saves.
  await measure('  the same, compile cache off', () => serverStart({ ...existing, NODE_DISABLE_COMPILE_CACHE: '1' }));
  const file = smallImportFile(1_000);
  await measure('import CLI first row, PGlite', () => importFirstRow(file, existing));
  const databaseUrl = await postgresUrl();
  if (databaseUrl) {
    await measure('server, PostgreSQL', () => serverStart({ DATABASE_URL: databaseUrl }));
    await measure('import CLI first row, PostgreSQL', () => importFirstRow(file, { DATABASE_URL: databaseUrl }));
  }
  console.log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
