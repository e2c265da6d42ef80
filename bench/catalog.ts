/**
 * Catalog benchmark (issues 2 and 13): 1,000,000 generated movies in PostgreSQL (seeded once
 * into their own database, reused by later runs), then every list and search query a client
 * sends, plus GET /movies/:id, against Marquee and against a bare Fastify + pg handler sending
 * the same statements, which are recorded from Marquee's own repositories for each URL (so
 * the baseline follows whatever SQL the code builds). Per request, Marquee then the bare
 * handler, 50 connections; prints req/s, p50/p99 and ratios, the load average, and the
 * EXPLAIN ANALYZE of each list's statements. Target: p99 < 100 ms everywhere.
 *
 *   npm run bench            (BENCH_SECONDS=10 BENCH_MOVIES=1000000 by default)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { catalogDatabase } from './support/catalog-database.ts';
import { cancelLeftovers, cursorAfterRow, explainStatements } from './support/catalog-queries.ts';
import { load, type LoadResult } from './support/load.ts';
import { marqueeStatements } from './support/marquee-statements.ts';
import { startServer, stopServer } from './support/processes.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MOVIES = Number(process.env.BENCH_MOVIES ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DATABASE = process.env.BENCH_DATABASE ?? (MOVIES === 1_000_000 ? 'bench_1m' : `marquee_bench_${MOVIES}`);
const TARGET_P99_MS = 100;

const databaseUrl = await catalogDatabase(ADMIN_URL, DATABASE, MOVIES);
const deepRow = Math.floor(MOVIES * 0.9);
// The searches that may overload the database come last, so they cannot slow the others.
const LISTS: [string, string][] = [
  ['genre=Drama&sort=imdb_score.desc', '/movies?genre=Drama&sort=imdb_score.desc'],
  ['deep page by page (title.asc, page 500)', '/movies?sort=title.asc&page=500'],
  [`deep page by cursor (title.asc, row ${deepRow.toLocaleString('en')})`, await cursorAfterRow(databaseUrl, 'title.asc', deepRow)],
  ['q=zanzibar (rare word)', '/movies?q=zanzibar'],
  ['q=godfater (typo)', '/movies?q=godfater'],
  ['q=a (one letter)', '/movies?q=a'],
  ['q=the (common word)', '/movies?q=the'],
];
const randomId = () => `/movies/${1 + Math.floor(Math.random() * MOVIES)}`;
const SCENARIOS: [string, () => string][] = [
  ['GET /movies/:id', randomId],
  ...LISTS.map(([name, url]): [string, () => string] => [name, () => url]),
];

const statements = await marqueeStatements(
  databaseUrl,
  LISTS.map(([, url]) => url),
);
mkdirSync('bench/results', { recursive: true });
const statementsFile = 'bench/results/catalog-statements.json';
writeFileSync(statementsFile, JSON.stringify(Object.fromEntries(statements)));

const load1 = () => loadavg()[0]!.toFixed(1);
const startLoad = load1();
const marquee = await startServer(
  'bench/catalog-server.ts',
  { DATABASE_URL: databaseUrl, PORT: '3401' },
  'http://127.0.0.1:3401/health/live',
);
const bare = await startServer(
  'bench/bare-server.ts',
  { DATABASE_URL: databaseUrl, PORT: '3402', BENCH_STATEMENTS: statementsFile },
  'http://127.0.0.1:3402/health/live',
);
const rows: [string, LoadResult, LoadResult][] = [];
try {
  for (const [name, paths] of SCENARIOS) {
    const run = async (port: number) => {
      await load({ url: `http://127.0.0.1:${port}`, paths, seconds: 2 }); // warm-up: JIT, pool, caches
      return load({ url: `http://127.0.0.1:${port}`, paths, seconds: SECONDS });
    };
    const marqueeResult = await run(3401);
    await cancelLeftovers(databaseUrl); // a slow query outlives its client: it must not weigh on the next run
    rows.push([name, marqueeResult, await run(3402)]);
    await cancelLeftovers(databaseUrl);
    console.log(`${name}: done (load average ${load1()})`);
  }
} finally {
  await Promise.all([stopServer(marquee), stopServer(bare)]);
}

console.log(`\n${MOVIES.toLocaleString('en')} movies, 50 connections, ${SECONDS} s per request and server, ${new Date().toISOString()}`);
console.log(`load average ${startLoad} at the start, ${load1()} at the end; PostgreSQL ${new URL(databaseUrl).host}\n`);
console.log('| request | Marquee req/s | p50 / p99 ms | bare req/s | p50 / p99 ms | req/s ratio | p99 < 100 ms | non-2xx |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, m, b] of rows) {
  const ratio = (m.requestsPerSecond / b.requestsPerSecond).toFixed(2);
  const met = m.total === 0 ? 'no (no answer within 10 s)' : m.p99 < TARGET_P99_MS ? 'yes' : `no (+${m.p99 - TARGET_P99_MS} ms)`;
  console.log(
    `| ${name} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50} / ${m.p99} | ${b.requestsPerSecond.toFixed(0)} | ${b.p50} / ${b.p99} | ${ratio}× | ${met} | ${m.non2xx + m.errors}/${b.non2xx + b.errors} |`,
  );
}
for (const [name, url] of LISTS) {
  console.log(`\nEXPLAIN ANALYZE, ${name} (${url}):`);
  for (const plan of await explainStatements(databaseUrl, statements.get(url) ?? [])) console.log(plan);
}
