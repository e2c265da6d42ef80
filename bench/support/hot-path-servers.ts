import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { BENCH_JWT_SECRET, marqueeEnv } from './marquee.ts';
import { startServer } from './processes.ts';

/** A server of the hot-path benchmark; `env` adds variables (NODE_OPTIONS for a profile). */
export interface HotPathServer {
  name: string;
  marquee: boolean;
  start(databaseUrl: string, port: number, env?: Record<string, string>): Promise<ChildProcess>;
}

const ready = (port: number) => `http://127.0.0.1:${port}/health/live`;

function marquee(name: string, entry: string): HotPathServer {
  return {
    name,
    marquee: true,
    start: (databaseUrl, port, env = {}) => startServer(entry, { ...marqueeEnv(databaseUrl, port), ...env }, ready(port)),
  };
}

function bare(name: string, before: boolean): HotPathServer {
  return {
    name,
    marquee: false,
    start: (databaseUrl, port, env = {}) => {
      const own = { DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_JWT_SECRET, PORT: String(port), BARE_BEFORE: before ? '1' : '0' };
      return startServer('bench/bare-auth-server.ts', { ...own, ...env }, ready(port));
    },
  };
}

const mainOf = (dir: string) => join(resolve(dir), 'src/infrastructure/main.ts');

/** Marquee before (a baseline checkout, when given) and after (this tree, or a checkout), the bare handler doing the same work as each. */
export function hotPathServers(beforeDir: string | undefined, afterDir = '.'): HotPathServer[] {
  return [
    ...(beforeDir ? [marquee('Marquee before', mainOf(beforeDir))] : []),
    marquee('Marquee after', mainOf(afterDir)),
    bare('bare, as after', false),
    bare('bare, as before', true),
  ];
}
