/**
 * Identity benchmark (issue 3 item 10), one run:
 *  1. authenticated GET /movies/:id (random ids of 100,000) at 50 connections: Marquee beside
 *     bench/bare-auth-server.ts (same JWT check, access statement and row read), alternating
 *     BENCH_ROUNDS times → median req/s, p50, p99 and ratio;
 *  2. milliseconds per Argon2id password hash (Marquee's hasher, in this process);
 *  3. logins/s: POST /auth for 10 s against Marquee composed with the login rate limit raised
 *     (bench/support/login-server.ts — the limit is not configurable by environment).
 *
 *   npm run bench:auth   (BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_MOVIES=100000 BENCH_LOGIN_CONNECTIONS=10)
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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

/** Marquee and the baseline alternate ROUNDS times, so a busy machine weighs on both alike; medians decide. */
async function compare(databaseUrl: string): Promise<{ marquee: LoadResult[]; bare: LoadResult[] }> {
  const marquee = await startMarquee(databaseUrl, 3411); // migrations run, the admin is created
  const bareEnv = { DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_JWT_SECRET, PORT: '3412' };
  const bare = await startServer('bench/bare-auth-server.ts', bareEnv, 'http://127.0.0.1:3412/health/live').catch(
    async (error: unknown) => {
      await stopServer(marquee);
      throw error;
    },
  );
  const results = { marquee: [] as LoadResult[], bare: [] as LoadResult[] };
  try {
    console.log(`seeding ${MOVIES} movies…`);
    await seedMovies(databaseUrl, MOVIES);
    const token = await logIn('http://127.0.0.1:3411');
    for (let round = 1; round <= ROUNDS; round++) {
      results.marquee.push(await measure('http://127.0.0.1:3411', token));
      results.bare.push(await measure('http://127.0.0.1:3412', token));
      console.log(
        `round ${round}: Marquee ${results.marquee.at(-1)!.requestsPerSecond.toFixed(0)} req/s, bare ${results.bare.at(-1)!.requestsPerSecond.toFixed(0)} req/s`,
      );
    }
  } finally {
    await Promise.all([stopServer(marquee), stopServer(bare)]);
  }
  return results;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const row = (name: string, runs: LoadResult[]) =>
  `| ${name} | ${median(runs.map((r) => r.requestsPerSecond)).toFixed(0)} | ${median(runs.map((r) => r.p50))} | ${median(runs.map((r) => r.p99))} | ` +
  `${runs.reduce((n, r) => n + r.non2xx, 0)}/${runs.reduce((n, r) => n + r.errors, 0)} |`;

const databaseUrl = await benchDatabase('marquee_bench_auth');
const { marquee, bare } = await compare(databaseUrl);
const ratios = marquee.map((m, i) => m.requestsPerSecond / bare[i]!.requestsPerSecond);
console.log(`\nauthenticated GET /movies/:id, ${MOVIES} movies, 50 connections, ${ROUNDS} alternating rounds of ${SECONDS} s, medians\n`);
console.log('| server | req/s | p50 ms | p99 ms | non-2xx/errors |');
console.log('|---|---|---|---|---|');
console.log(row('Marquee', marquee));
console.log(row('bare Fastify + pg + node:crypto', bare));
console.log(
  `\nratio Marquee / bare: median ${median(ratios).toFixed(2)}× (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.8×)`,
);
console.log(`Argon2id (m=19 MiB, t=2, p=1): ${(await millisecondsPerHash()).toFixed(1)} ms per hash (mean of ${HASHES}, sequential)`);
const logins = await loginsPerSecond(databaseUrl);
console.log(
  `POST /auth: ${logins.requests.average.toFixed(1)} logins/s at ${LOGIN_CONNECTIONS} connections ` +
    `(p50 ${logins.latency.p50} ms, p99 ${logins.latency.p99} ms, non-2xx ${logins.non2xx}, errors ${logins.errors}; login rate limit raised for the bench)`,
);
