/**
 * Before/after benchmark (issue 11): the same requests against Marquee built from two trees —
 * BEFORE_DIR (a checkout of the baseline, with node_modules) and this one — on one freshly
 * seeded PostgreSQL database. The servers alternate A B A B … (BENCH_ROUNDS rounds), so a
 * machine shared with other work weighs on both alike; medians decide. Load averages are
 * printed at the start and the end.
 *
 *   git archive <baseline> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   BEFORE_DIR=/tmp/before npm run bench:before-after   (BENCH_SECONDS=5 BENCH_ROUNDS=2 BENCH_MOVIES=100000)
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { load, type LoadResult } from './support/load.ts';
import { benchDatabase, logIn, startMarquee } from './support/marquee.ts';
import { stopServer } from './support/processes.ts';
import { seedMovies } from './support/seed.ts';

const BEFORE_DIR = process.env.BEFORE_DIR;
if (!BEFORE_DIR) throw new Error('BEFORE_DIR: the directory of the baseline checkout');
const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const randomId = () => 1 + Math.floor(Math.random() * MOVIES);
const SCENARIOS: [string, () => string][] = [
  ['GET /movies/:id', () => `/movies/${randomId()}`],
  ['GET /movies?q=<rare>', () => '/movies?q=zanzibar'],
  ['GET /movies?q=<common>', () => '/movies?q=the'],
  ['GET /movies?genre=Drama&sort=imdb_score.desc', () => '/movies?genre=Drama&sort=imdb_score.desc'],
  ['GET /actors', () => '/actors'],
  ['GET /auth/me', () => '/auth/me'],
];
const TREES = [
  { name: 'before', entry: join(resolve(BEFORE_DIR), 'src/infrastructure/main.ts') },
  { name: 'after', entry: 'src/infrastructure/main.ts' },
];

/** One tree's server, every scenario once (1 s warm-up each): its results in scenario order. */
async function measure(entry: string, databaseUrl: string, port: number): Promise<LoadResult[]> {
  const server = await startMarquee(databaseUrl, port, entry);
  try {
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${await logIn(base)}` };
    const results: LoadResult[] = [];
    for (const [, paths] of SCENARIOS) {
      await load({ url: base, paths, headers, seconds: 1 });
      results.push(await load({ url: base, paths, headers, seconds: SECONDS }));
    }
    return results;
  } finally {
    await stopServer(server);
  }
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const load1 = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const databaseUrl = await benchDatabase('marquee_bench_before_after');
await stopServer(await startMarquee(databaseUrl, 3420)); // migrations and the admin
console.log(`seeding ${MOVIES} movies…`);
await seedMovies(databaseUrl, MOVIES);
console.log(`load average at start: ${load1()}`);
const runs: LoadResult[][][] = TREES.map(() => []);
for (let round = 1; round <= ROUNDS; round++) {
  for (const [i, tree] of TREES.entries()) {
    runs[i]!.push(await measure(tree.entry, databaseUrl, 3421 + i));
    console.log(`round ${round} ${tree.name} done (load ${load1()})`);
  }
}
console.log(`load average at end: ${load1()}`);
console.log(`\n${MOVIES} movies, 50 connections, ${ROUNDS} alternating rounds of ${SECONDS} s, authenticated, medians\n`);
console.log('| request | before req/s | after req/s | after/before | before p99 ms | after p99 ms | non-2xx |');
console.log('|---|---|---|---|---|---|---|');
SCENARIOS.forEach(([name], s) => {
  const [before, after] = runs.map((tree) => tree.map((round) => round[s]!));
  const rps = [before!, after!].map((results) => median(results.map((r) => r.requestsPerSecond)));
  const p99 = [before!, after!].map((results) => median(results.map((r) => r.p99)));
  const failures = [...before!, ...after!].reduce((n, r) => n + r.non2xx + r.errors, 0);
  console.log(
    `| ${name} | ${rps[0]!.toFixed(0)} | ${rps[1]!.toFixed(0)} | ${(rps[1]! / rps[0]!).toFixed(3)} | ${p99[0]} | ${p99[1]} | ${failures} |`,
  );
});
