import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../src/infrastructure/database.ts';
import { httpImport, resetTables, sql } from './support/import-runs.ts';
import { logIn, marqueeEnv } from './support/marquee.ts';
import { writeMovieFiles } from './support/movie-files.ts';
import { npmStart, startServer, stopServer } from './support/processes.ts';
import { freshDatabase } from './support/seed.ts';
import { freePort } from './support/startup-runs.ts';

/*
 * `npm run bench:import-rss`: the server's memory for an HTTP import. BENCH_RUNS (3) times, a
 * freshly started server (as `npm start` runs it, or with SERVER_FLAGS as Node's flags instead)
 * logs the admin in, then receives BENCH_ROWS (1,000,000) generated NDJSON
 * movies by POST /movies/import into an emptied movie table. Prints per run the RSS at rest
 * (after start-up and the login) and the peak RSS of the whole run (VmHWM), with the time and
 * the load average. Target: peak < 300 MB.
 */

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const START = npmStart();
const FLAGS = process.env.SERVER_FLAGS === undefined ? START.flags : process.env.SERVER_FLAGS.split(' ').filter(Boolean);

const load = () => loadavg()[0]!.toFixed(1);

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The server as `npm start` runs it (its variables and Node's flags; SERVER_FLAGS instead of those when set). */
async function start(url: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const env = { ...marqueeEnv(url, port), ...START.env, IMPORT_MAX_BYTES: '4GB', IMPORT_MAX_ROWS: String(ROWS * 2) };
  const base = `http://127.0.0.1:${port}`;
  return { child: await startServer('src/infrastructure/main.ts', env, `${base}/health/ready`, FLAGS), base };
}

async function run(url: string, file: string, index: number): Promise<void> {
  await resetTables(url);
  const { child, base } = await start(url);
  try {
    const token = await logIn(base);
    await sleep(1_000);
    const rest = await memory(child.pid!);
    const loadBefore = load();
    const { seconds } = await httpImport(base, token, file);
    const after = await memory(child.pid!);
    console.log(
      `run ${index + 1}: at rest ${rest.rss.toFixed(0)} MB (peak so far ${rest.peak.toFixed(0)}), import ${seconds.toFixed(1)} s ` +
        `${Math.round(ROWS / seconds).toLocaleString('en')} rows/s, peak RSS ${after.peak.toFixed(0)} MB, after ${after.rss.toFixed(0)} MB ` +
        `(load average ${loadBefore} → ${load()})`,
    );
  } finally {
    await stopServer(child);
  }
}

async function main(): Promise<void> {
  const file = join(tmpdir(), `marquee-bench-import-rss-${ROWS}.ndjson`);
  if (!existsSync(file)) await writeMovieFiles(ROWS, file, `${file}.copy`);
  const name = `marquee_bench_import_rss_${process.pid}`;
  const url = await freshDatabase(ADMIN_URL, name);
  try {
    await (await openDatabase({ databaseUrl: url, dataDir: tmpdir() })).close(); // migrated before the first run
    console.log(`${ROWS.toLocaleString('en')} rows, ${RUNS} runs, server flags: ${FLAGS.join(' ') || '(none)'}; load average ${load()}`);
    await stopServer((await start(url)).child); // fills the compile cache for this tree, as the first start after a deploy does
    for (let i = 0; i < RUNS; i++) await run(url, file, i);
  } finally {
    await sql(ADMIN_URL, `drop database if exists ${name} with (force)`);
  }
}

await main();
