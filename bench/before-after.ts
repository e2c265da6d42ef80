/**
 * Before/after benchmark (issue 11): the same requests against Marquee built from two trees —
 * BEFORE_DIR (a checkout of the baseline, with node_modules) and this one — on one freshly
 * seeded PostgreSQL database. The servers alternate A B A B … (BENCH_ROUNDS rounds), so a
 * machine shared with other work weighs on both alike; medians decide. Load averages are
 * printed at the start and the end. Besides req/s, the server's own CPU time per request
 * (from /proc, user + system) is reported: on a busy machine throughput says more about the
 * neighbours than about the code, CPU per request much less.
 *
 *   git archive <baseline> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   BEFORE_DIR=/tmp/before npm run bench:before-after   (BENCH_SECONDS=5 BENCH_ROUNDS=2 BENCH_MOVIES=100000)
 *
 * BENCH_ONLY=/auth/me,/movies/:id keeps the scenarios whose name contains one of its parts; a checkout
 * under bench/results/ (ignored by git) finds this tree's node_modules without a link.
 */
import { readFileSync } from 'node:fs';
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
const ONLY = process.env.BENCH_ONLY;
if (ONLY) SCENARIOS.splice(0, SCENARIOS.length, ...SCENARIOS.filter(([name]) => ONLY.split(',').some((part) => name.includes(part))));
const TREES = [
  { name: 'before', entry: join(resolve(BEFORE_DIR), 'src/infrastructure/main.ts') },
  { name: 'after', entry: 'src/infrastructure/main.ts' },
];

/** One tree's server, every scenario once (1 s warm-up each): its results in scenario order. */
async function measure(entry: string, databaseUrl: string, port: number): Promise<Measured[]> {
  const server = await startMarquee(databaseUrl, port, entry);
  try {
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${await logIn(base)}` };
    const results: Measured[] = [];
    for (const [, paths] of SCENARIOS) {
      await load({ url: base, paths, headers, seconds: 1 });
      const cpuBefore = cpuMs(server.pid!);
      const result = await load({ url: base, paths, headers, seconds: SECONDS });
      results.push({ ...result, cpuUsPerRequest: ((cpuMs(server.pid!) - cpuBefore) * 1000) / Math.max(1, result.total) });
    }
    return results;
  } finally {
    await stopServer(server);
  }
}

interface Measured extends LoadResult {
  cpuUsPerRequest: number;
}

/** CPU time (user + system) the process has used, in ms: fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
const runs: Measured[][][] = TREES.map(() => []);
for (let round = 1; round <= ROUNDS; round++) {
  for (const [i, tree] of TREES.entries()) {
    runs[i]!.push(await measure(tree.entry, databaseUrl, 3421 + i));
    console.log(`round ${round} ${tree.name} done (load ${load1()})`);
  }
}
console.log(`load average at end: ${load1()}`);
console.log(`\n${MOVIES} movies, 50 connections, ${ROUNDS} alternating rounds of ${SECONDS} s, authenticated, medians\n`);
console.log('| request | before req/s | after req/s | after/before | before CPU µs/req | after CPU µs/req | CPU after/before | non-2xx |');
console.log('|---|---|---|---|---|---|---|---|');
SCENARIOS.forEach(([name], s) => {
  const [before, after] = runs.map((tree) => tree.map((round) => round[s]!));
  const rps = [before!, after!].map((results) => median(results.map((r) => r.requestsPerSecond)));
  const cpu = [before!, after!].map((results) => median(results.map((r) => r.cpuUsPerRequest)));
  const failures = [...before!, ...after!].reduce((n, r) => n + r.non2xx + r.errors, 0);
  console.log(
    `| ${name} | ${rps[0]!.toFixed(0)} | ${rps[1]!.toFixed(0)} | ${(rps[1]! / rps[0]!).toFixed(2)} | ` +
      `${cpu[0]!.toFixed(0)} | ${cpu[1]!.toFixed(0)} | ${(cpu[1]! / cpu[0]!).toFixed(2)} | ${failures} |`,
  );
});
