import { type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { signalGroup, spawnInGroup } from './processes.ts';

/** The real `npm start` entry point, run as a child process for end-to-end tests. */
const MAIN = fileURLToPath(new URL('../../src/infrastructure/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far (pino JSON lines), for failure messages. */
  output(): string;
  /** Sends a signal (SIGTERM by default) to the server's process group and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A port that was free a moment ago (PORT must be 1–65535, so 0 is not an option). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the server with `env` on top of a minimal environment (the test's own DATABASE_URL
 * and the like do not leak in) and waits for its "listening" log line.
 */
export async function startChildServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildServer> {
  const port = await freePort();
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port) };
  // process.execPath is the Node 24 tap runs on (node_modules/.bin/node).
  const child = spawnInGroup(process.execPath, [MAIN], { cwd: ROOT, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await waitForUrl(() => output, exited, timeoutMs).catch((error: unknown) => {
    signalGroup(child, 'SIGKILL');
    throw error;
  });
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, signal);
      return exited;
    },
  };
}

async function waitForUrl(output: () => string, exited: Promise<number | null>, timeoutMs: number): Promise<string> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = /"url":"(http:\/\/[^"]+)"/.exec(output())?.[1];
    if (url) return url;
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode} before listening:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not listen within ${timeoutMs} ms:\n${output()}`);
}
