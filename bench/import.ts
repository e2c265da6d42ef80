import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/infrastructure/database.ts';
import { writeMovieFiles } from './support/movie-files.ts';
import { freshDatabase } from './support/seed.ts';

/*
 * `npm run bench:import`: 1,000,000 generated movies imported through the real path (the
 * import CLI as a child process: parse NDJSON, validate, batched upserts in one transaction)
 * and, in the same run, loaded with COPY (psql's \copy, i.e. COPY FROM STDIN) into an empty
 * table with the same columns and indexes. Prints rows/s of both, the ratio and the import's
 * peak RSS (from /usr/bin/time -v). BENCH_ROWS changes the count.
 */

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const COLUMNS = 'title, release_date, director, genres, popularity, imdb_score, created_at, updated_at';

interface Run {
  seconds: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const result = { seconds: (performance.now() - started) / 1000, stdout, stderr };
      if (code === 0) resolve(result);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`));
    });
  });
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function importWithCli(url: string, file: string): Promise<{ seconds: number; peakRssMb: number; report: unknown }> {
  const cli = join(import.meta.dirname, '../src/infrastructure/cli/import.ts');
  const env = { DATABASE_URL: url, IMPORT_MAX_BYTES: '4GB', IMPORT_MAX_ROWS: String(ROWS * 2) };
  // The flags of `npm run import`: a small young generation keeps the peak RSS near the live heap.
  const result = await run('/usr/bin/time', ['-v', process.execPath, '--max-semi-space-size=4', cli, file], env);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { seconds: result.seconds, peakRssMb: peakKb / 1024, report: JSON.parse(result.stdout) };
}

async function copyWithPsql(url: string, file: string): Promise<number> {
  await sql(url, 'create table movie_copy (like movie including all)');
  await sql(url, 'checkpoint');
  const result = await run('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy movie_copy (${COLUMNS}) from '${file}'`]);
  return result.seconds;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-import-'));
  try {
    const [ndjson, copyFile] = [join(dir, 'movies.ndjson'), join(dir, 'movies.copy')];
    console.log(`generating ${ROWS.toLocaleString('en')} movies…`);
    await writeMovieFiles(ROWS, ndjson, copyFile);
    console.log(`NDJSON ${((await stat(ndjson)).size / 1024 ** 2).toFixed(0)} MB`);
    const url = await freshDatabase(ADMIN_URL, 'marquee_bench_import');
    await (await openDatabase({ databaseUrl: url, dataDir: dir })).close(); // migrate before timing
    await sql(url, 'checkpoint');
    const imported = await importWithCli(url, ndjson);
    console.log('import report:', JSON.stringify(imported.report));
    const copySeconds = await copyWithPsql(url, copyFile);
    const counts = await sql(url, 'select (select count(*) from movie)::int as imported, (select count(*) from movie_copy)::int as copied');
    const importRate = ROWS / imported.seconds;
    const copyRate = ROWS / copySeconds;
    console.log(JSON.stringify(counts.rows[0]));
    console.log(
      `import (CLI, whole process): ${imported.seconds.toFixed(1)} s, ${Math.round(importRate).toLocaleString('en')} rows/s, peak RSS ${imported.peakRssMb.toFixed(0)} MB`,
    );
    console.log(`COPY (psql \\copy):           ${copySeconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString('en')} rows/s`);
    console.log(`ratio import/COPY: ${(importRate / copyRate).toFixed(2)} (target ≥ 0.5), peak RSS target < 300 MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
