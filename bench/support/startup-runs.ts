import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * One measured start of a Marquee process: wall time from spawn to the moment that matters
 * (the first 200 of /health/ready, or the import's first row), the CPU time the child spent
 * until then (from /proc: on a shared machine wall time is noisy, CPU time much less), and
 * when each start-up line appeared, so the figures say where the time goes.
 */

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/infrastructure/main.ts');
const IMPORT = join(ROOT, 'src/infrastructure/cli/import.ts');
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface Start {
  wallMs: number;
  cpuMs: number;
  /** Milliseconds from spawn to each start-up step's line. */
  steps: Record<string, number>;
}

/** The start-up lines (see src/infrastructure/startup-steps.ts) and their short names. */
const STEPS: [string, RegExp][] = [
  ['code loaded', /^(Opening the database|Creating a new database)/],
  ['database open', /^Database opened/],
  ['migrations', /^Migrations/],
  ['listening', /^Marquee listening/],
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** CPU time (user + system) the process has used so far, threads included. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function launch(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; spawnedAt: number } {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, spawnedAt: Date.now() };
}

/** When each step's pino line was written, in ms after spawn. */
function stepsOf(output: string, spawnedAt: number): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const record = JSON.parse(line) as { time: number; msg: string };
    const step = STEPS.find(([, pattern]) => pattern.test(record.msg));
    if (step && !(step[0] in steps)) steps[step[0]] = record.time - spawnedAt;
  }
  return steps;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
}

/** Starts the server with `env`, polls /health/ready every 20 ms, stops it once ready. */
export async function serverStart(env: Record<string, string>): Promise<Start> {
  const port = await freePort();
  const { child, output, spawnedAt } = launch([MAIN], { HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env });
  const started = performance.now();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return { wallMs: performance.now() - started, cpuMs: cpuMsOf(child.pid!), steps: stepsOf(output(), spawnedAt) };
      await sleep(20);
    }
  } finally {
    await stop(child);
  }
}

/** Runs `npm run import`'s entry on `file`; measures until its "first row" line, then lets it finish. */
export async function importFirstRow(file: string, env: Record<string, string>): Promise<Start> {
  const { child, output } = launch(['--max-semi-space-size=4', IMPORT, file], env);
  const started = performance.now();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let first: Start | undefined;
  while (!first && child.exitCode === null) {
    if (output().includes('import: first row')) first = { wallMs: performance.now() - started, cpuMs: cpuMsOf(child.pid!), steps: {} };
    else await sleep(10);
  }
  if ((await exited) !== 0 || !first) throw new Error(`the import failed:\n${output()}`);
  return first;
}
