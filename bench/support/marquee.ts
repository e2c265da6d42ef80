import type { ChildProcess } from 'node:child_process';
import { freshDatabase } from './seed.ts';
import { startServer } from './processes.ts';

/** The admin every benchmark creates through ADMIN_USERNAME/ADMIN_PASSWORD and logs in as. */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'Bench-Passw0rd' };
/** Fixed, so a token Marquee issues also verifies in the bare baseline. */
export const BENCH_JWT_SECRET = 'marquee-benchmark-secret-not-for-production-0123456789';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh PostgreSQL database for one benchmark: its URL. */
export const benchDatabase = (name: string): Promise<string> => freshDatabase(ADMIN_URL, name);

/** The environment Marquee runs with in every benchmark: admin, secret, quiet logs, a token that outlives the run. */
export function marqueeEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JWT_SECRET: BENCH_JWT_SECRET,
    ACCESS_TOKEN_TTL: '2h',
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
}

/** Starts `entry` (Marquee's main by default) with the benchmark environment; migrations run, the admin exists. */
export function startMarquee(databaseUrl: string, port: number, entry = 'src/infrastructure/main.ts'): Promise<ChildProcess> {
  return startServer(entry, marqueeEnv(databaseUrl, port), `http://127.0.0.1:${port}/health/live`);
}

/** POST /auth → the access token. */
export async function logIn(base: string, credentials = BENCH_ADMIN): Promise<string> {
  const response = await fetch(`${base}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
