import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { logIn, marqueeEnv } from './marquee.ts';
import { npmStart, startServer, stopServer } from './processes.ts';
import { freePort } from './startup-runs.ts';

/** One measured import or COPY: wall time, and the importing process's peak RSS when known. */
export interface Timed {
  seconds: number;
  peakRssMb?: number;
  report?: Record<string, unknown>;
}

const COLUMNS = 'title, release_date, director, genres, popularity, imdb_score, created_at, updated_at';
const limits = (rows: number) => ({ IMPORT_MAX_BYTES: '4GB', IMPORT_MAX_ROWS: String(rows * 2) });

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Timed & { stdout: string; stderr: string }> {
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

export async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Empties `movie` and recreates `movie_copy` (same columns and indexes), then a checkpoint and a
 * `sync`: every run starts alike. Without the sync, the kernel still wrote the run before's
 * gigabytes back during the next one: psql's COPY of the same 1,000,000 rows took 54–83 s.
 */
export async function resetTables(url: string): Promise<void> {
  await sql(
    url,
    'truncate movie restart identity cascade; drop table if exists movie_copy; create table movie_copy (like movie including all)',
  );
  await sql(url, 'checkpoint');
  await run('sync', []);
}

/** `npm run import` as a child process (start-up included), with its variables and flags; peak RSS from /usr/bin/time -v. */
export async function importWithCli(url: string, file: string, rows: number): Promise<Timed> {
  const cli = join(import.meta.dirname, '../../src/infrastructure/cli/import.ts');
  const { env: cliEnv, flags } = npmStart('import');
  const env = { ...cliEnv, DATABASE_URL: url, ...limits(rows) };
  const result = await run('/usr/bin/time', ['-v', process.execPath, ...flags, cli, file], env);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { seconds: result.seconds, peakRssMb: peakKb / 1024, report: JSON.parse(result.stdout) as Record<string, unknown> };
}

/** psql's \copy (COPY FROM STDIN) of the same rows into movie_copy. */
export async function copyWithPsql(url: string, file: string): Promise<Timed> {
  return run('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy movie_copy (${COLUMNS}) from '${file}'`]);
}

/** A running Marquee (as `npm start` runs it) that imports over HTTP: POST /movies/import with the file streamed as NDJSON. */
export async function httpImporter(url: string, rows: number) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { env: startEnv, flags } = npmStart();
  const env = { ...marqueeEnv(url, port), ...startEnv, ...limits(rows), REQUEST_TIMEOUT_MS: '3600000' };
  const start = () => startServer('src/infrastructure/main.ts', env, `${base}/health/live`, flags);
  await stopServer(await start()); // fills the compile cache for this tree, as the first start after a deploy does
  const server = await start();
  const token = await logIn(base);
  return {
    async import(file: string): Promise<Timed> {
      const { seconds, report } = await httpImport(base, token, file);
      return { seconds, peakRssMb: await peakRssMb(server.pid!), report };
    },
    stop: () => stopServer(server),
  };
}

/** POST /movies/import with `file` streamed as NDJSON: the wall time and the import's report. */
export async function httpImport(base: string, token: string, file: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${base}/movies/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const body = (await response.json()) as { import?: { report?: Record<string, unknown> } };
  if (!response.ok) throw new Error(`HTTP import answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return { seconds: (performance.now() - started) / 1000, report: body.import?.report };
}

/** VmHWM: the process's peak resident set since it started. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}
