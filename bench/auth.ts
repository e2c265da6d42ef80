/**
 * Identity benchmark (issue 3 item 10), one run:
 *  1. authenticated GET /movies/:id (random ids of 100,000) at 50 connections: Marquee beside
 *     bench/bare-auth-server.ts (same JWT check, access statement and row read) → req/s, p99, ratio;
 *  2. milliseconds per Argon2id password hash (Marquee's hasher, in this process);
 *  3. logins/s: POST /auth for 10 s against Marquee composed with the login rate limit raised
 *     (bench/support/login-server.ts — the limit is not configurable by environment).
 *
 *   npm run bench:auth       (BENCH_SECONDS=10 BENCH_MOVIES=100000 BENCH_LOGIN_CONNECTIONS=10)
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Argon2idPasswordHasher } from '../src/adapters/security/argon2id-password-hasher.ts';
import { load, type LoadResult } from './support/load.ts';
import { BENCH_ADMIN, BENCH_JWT_SECRET, benchDatabase, logIn, startMarquee } from './support/marquee.ts';
import { startServer, stopServer } from './support/processes.ts';
import { seedMovies } from './support/seed.ts';

const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOGIN_CONNECTIONS = Number(process.env.BENCH_LOGIN_CONNECTIONS ?? 10);
const HASHES = 20;

const randomMovie = () => `/movies/${1 + Math.floor(Math.random() * MOVIES)}`;

async function measure(base: string, token: string): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${token}` };
  await load({ url: base, paths: randomMovie, headers, seconds: 2 }); // warm-up: JIT, pool, caches
  return load({ url: base, paths: randomMovie, headers, seconds: SECONDS });
}

async function millisecondsPerHash(): Promise<number> {
  const hasher = new Argon2idPasswordHasher();
  await hasher.hash('warm-up-Passw0rd');
  const started = performance.now();
  for (let i = 0; i < HASHES; i++) await hasher.hash(`Bench-Passw0rd-${i}`);
  return (performance.now() - started) / HASHES;
}

async function loginsPerSecond(databaseUrl: string): Promise<autocannon.Result> {
  const port = 3413;
  const server = await startMarquee(databaseUrl, port, 'bench/support/login-server.ts');
  try {
    return await autocannon({
      url: `http://127.0.0.1:${port}/auth`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
      connections: LOGIN_CONNECTIONS,
      duration: 10,
    });
  } finally {
    await stopServer(server);
  }
}

const databaseUrl = await benchDatabase('marquee_bench_auth');
const marquee = await startMarquee(databaseUrl, 3411); // migrations run, the admin is created
let marqueeResult: LoadResult;
let token: string;
try {
  console.log(`seeding ${MOVIES} movies…`);
  await seedMovies(databaseUrl, MOVIES);
  token = await logIn('http://127.0.0.1:3411');
  marqueeResult = await measure('http://127.0.0.1:3411', token);
} finally {
  await stopServer(marquee);
}
const bareEnv = { DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_JWT_SECRET, PORT: '3412' };
const bare = await startServer('bench/bare-auth-server.ts', bareEnv, 'http://127.0.0.1:3412/health/live');
let bareResult: LoadResult;
try {
  bareResult = await measure('http://127.0.0.1:3412', token);
} finally {
  await stopServer(bare);
}
const m = marqueeResult;
const b = bareResult;
console.log(`\nauthenticated GET /movies/:id, ${MOVIES} movies, 50 connections, ${SECONDS} s, PostgreSQL ${new URL(databaseUrl).host}\n`);
console.log('| server | req/s | p50 ms | p99 ms | non-2xx/errors |');
console.log('|---|---|---|---|---|');
console.log(`| Marquee | ${m.requestsPerSecond.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.non2xx}/${m.errors} |`);
console.log(`| bare Fastify + pg + node:crypto | ${b.requestsPerSecond.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.non2xx}/${b.errors} |`);
console.log(`\nratio Marquee / bare: ${(m.requestsPerSecond / b.requestsPerSecond).toFixed(2)}× (target ≥ 0.8×)`);
console.log(`Argon2id (m=19 MiB, t=2, p=1): ${(await millisecondsPerHash()).toFixed(1)} ms per hash (mean of ${HASHES}, sequential)`);
const logins = await loginsPerSecond(databaseUrl);
console.log(
  `POST /auth: ${logins.requests.average.toFixed(1)} logins/s at ${LOGIN_CONNECTIONS} connections ` +
    `(p50 ${logins.latency.p50} ms, p99 ${logins.latency.p99} ms, non-2xx ${logins.non2xx}, errors ${logins.errors}; login rate limit raised for the bench)`,
);
