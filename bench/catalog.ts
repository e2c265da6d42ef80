/**
 * Catalog benchmark (issue 2): seeds 100,000 movies into a fresh PostgreSQL database, then
 * drives the same four requests against Marquee and against a bare Fastify + pg handler
 * running the same SQL, one server at a time, and prints req/s, p99 and the ratio.
 *
 *   npm run bench            (BENCH_SECONDS=10 BENCH_MOVIES=100000 by default)
 */
import { freshDatabase, seedMovies } from './support/seed.ts';
import { load, type LoadResult } from './support/load.ts';
import { startServer, stopServer } from './support/processes.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const randomId = () => `/movies/${1 + Math.floor(Math.random() * MOVIES)}`;
const SCENARIOS: [string, () => string][] = [
  ['GET /movies/:id', randomId],
  ['GET /movies?q=<rare>', () => '/movies?q=zanzibar'],
  ['GET /movies?q=<common>', () => '/movies?q=the'],
  ['GET /movies?genre=Drama&sort=imdb_score.desc', () => '/movies?genre=Drama&sort=imdb_score.desc'],
];

async function measure(entry: string, port: number, env: Record<string, string>): Promise<LoadResult[]> {
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(entry, { ...env, PORT: String(port) }, `${base}/health/live`);
  try {
    const results: LoadResult[] = [];
    for (const [, paths] of SCENARIOS) {
      await load({ url: base, paths, seconds: 2 }); // warm-up: JIT, pool, caches
      results.push(await load({ url: base, paths, seconds: SECONDS }));
    }
    return results;
  } finally {
    await stopServer(server);
  }
}

const databaseUrl = await freshDatabase(ADMIN_URL, 'marquee_bench');
// Marquee applies its migrations on start; the seed needs the tables, so start it once first.
await stopServer(
  await startServer('bench/catalog-server.ts', { DATABASE_URL: databaseUrl, PORT: '3400' }, 'http://127.0.0.1:3400/health/live'),
);
console.log(`seeding ${MOVIES} movies…`);
await seedMovies(databaseUrl, MOVIES);
const marquee = await measure('bench/catalog-server.ts', 3401, { DATABASE_URL: databaseUrl });
const bare = await measure('bench/bare-server.ts', 3402, { DATABASE_URL: databaseUrl });

console.log(`\n${MOVIES} movies, 50 connections, ${SECONDS} s per request, PostgreSQL ${new URL(databaseUrl).host}\n`);
console.log('| request | Marquee req/s | Marquee p99 ms | bare req/s | bare p99 ms | ratio | non-2xx |');
console.log('|---|---|---|---|---|---|---|');
SCENARIOS.forEach(([name], i) => {
  const m = marquee[i]!;
  const b = bare[i]!;
  const ratio = (m.requestsPerSecond / b.requestsPerSecond).toFixed(2);
  console.log(
    `| ${name} | ${m.requestsPerSecond.toFixed(0)} | ${m.p99} | ${b.requestsPerSecond.toFixed(0)} | ${b.p99} | ${ratio}× | ${m.non2xx + m.errors}/${b.non2xx + b.errors} |`,
  );
});
