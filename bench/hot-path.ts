/**
 * Issue 13, the hot path: authenticated GET /movies/:id (random ids of BENCH_MOVIES) at 50
 * connections, in one run, the servers alternating BENCH_ROUNDS times (medians decide):
 * Marquee before (BEFORE_DIR, a checkout of the baseline, when set) and after (this tree, or AFTER_DIR), and
 * bench/bare-auth-server.ts (the same JWT check, access statement, permission rule and row
 * read) as after (named prepared statements) and as before (unnamed).
 * Per server: req/s, p50/p99, the server's CPU per request (/proc), statements per request
 * (pg_stat_database, BENCH_COUNT requests one at a time), and with BENCH_PROFILE=1 the top
 * self-time functions of a --cpu-prof profile of one more run of each Marquee and of the bare
 * handler as after (BENCH_ROUNDS=0: the profiles only).
 *
 *   mkdir -p bench/results/before && git archive <baseline> | tar -x -C bench/results/before
 *   BEFORE_DIR=bench/results/before npm run bench:hot-path   (BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_MOVIES=100000)
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { backendsCpuDelta, backendsCpuMs, cpuMs } from './support/cpu.ts';
import { hotPathServers, type HotPathServer } from './support/hot-path-servers.ts';
import { load, type LoadResult } from './support/load.ts';
import { benchDatabase, logIn } from './support/marquee.ts';
import { stopServer } from './support/processes.ts';
import { newestProfile, profileTop } from './support/profile-top.ts';
import { seedMovies } from './support/seed.ts';
import { statementsPerRequest } from './support/statements.ts';

const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COUNT = Number(process.env.BENCH_COUNT ?? 200);
const DATABASE = process.env.BENCH_DATABASE ?? 'marquee_bench_hot_path';
const SERVERS = hotPathServers(process.env.BEFORE_DIR, process.env.AFTER_DIR);

const randomMovie = () => `/movies/${1 + Math.floor(Math.random() * MOVIES)}`;
const loads = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const base = (i: number) => `http://127.0.0.1:${3431 + i}`;
type Headers = Record<string, string>;

interface Measured extends LoadResult {
  cpuUsPerRequest: number;
  databaseCpuUsPerRequest: number;
}

async function measure(server: ChildProcess, url: string, headers: Headers, seconds = SECONDS): Promise<Measured> {
  await load({ url, paths: randomMovie, headers, seconds: 2 }); // warm-up: JIT, pool, prepared statements
  const [cpuBefore, databaseBefore] = [cpuMs(server.pid!), await backendsCpuMs(databaseUrl, DATABASE)];
  const result = await load({ url, paths: randomMovie, headers, seconds });
  const perRequest = (ms: number) => (ms * 1000) / Math.max(1, result.total);
  const databaseCpu = backendsCpuDelta(databaseBefore, await backendsCpuMs(databaseUrl, DATABASE));
  return { ...result, cpuUsPerRequest: perRequest(cpuMs(server.pid!) - cpuBefore), databaseCpuUsPerRequest: perRequest(databaseCpu) };
}

async function alternate(running: ChildProcess[], headers: Headers): Promise<Measured[][]> {
  const runs: Measured[][] = SERVERS.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, server] of running.entries()) runs[i]!.push(await measure(server, base(i), headers));
    const figures = SERVERS.map((s, i) => `${s.name} ${runs[i]!.at(-1)!.requestsPerSecond.toFixed(0)}`);
    console.log(`round ${round}: ${figures.join(', ')} req/s (load ${loads()})`);
  }
  return runs;
}

function report(runs: Measured[][], statements: number[]): void {
  console.log(`\nauthenticated GET /movies/:id, ${MOVIES} movies, 50 connections, ${ROUNDS} alternating rounds of ${SECONDS} s, medians\n`);
  console.log(
    '| server | req/s | p50 ms | p99 ms | server CPU µs/req | PostgreSQL CPU µs/req | statements/req | req/s ratio to bare, as after (rounds) | non-2xx/errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  const bare = runs[SERVERS.findIndex((s) => s.name === 'bare, as after')]!;
  runs.forEach((r, i) => {
    const ratios = r.map((m, round) => m.requestsPerSecond / bare[round]!.requestsPerSecond);
    const cells = [median(r.map((m) => m.requestsPerSecond)).toFixed(0), median(r.map((m) => m.p50)), median(r.map((m) => m.p99))];
    cells.push(median(r.map((m) => m.cpuUsPerRequest)).toFixed(0), median(r.map((m) => m.databaseCpuUsPerRequest)).toFixed(0));
    cells.push(statements[i]!.toFixed(2));
    cells.push(`${median(ratios).toFixed(2)} (${ratios.map((x) => x.toFixed(2)).join(', ')})`);
    console.log(
      `| ${SERVERS[i]!.name} | ${cells.join(' | ')} | ${r.reduce((n, m) => n + m.non2xx, 0)}/${r.reduce((n, m) => n + m.errors, 0)} |`,
    );
  });
}

/** One more run of a Marquee under --cpu-prof; the profile is written when the server exits. */
async function profile(server: HotPathServer, i: number, databaseUrl: string, headers: Headers): Promise<void> {
  const dir = `bench/results/profile-${server.name.replace(/\W+/g, '-')}`;
  mkdirSync(dir, { recursive: true });
  const running = await server.start(databaseUrl, 3441 + i, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` });
  const measured = await measure(running, `http://127.0.0.1:${3441 + i}`, headers).finally(() => stopServer(running));
  const figures = `${measured.requestsPerSecond.toFixed(0)} req/s, ${measured.cpuUsPerRequest.toFixed(0)} µs CPU/req`;
  console.log(`\n${server.name}: top self time of --cpu-prof (${newestProfile(dir)}, ${figures}, load ${loads()})`);
  for (const line of profileTop(newestProfile(dir), SECONDS * 1000)) console.log(`    ${line}`);
}

const databaseUrl = await benchDatabase(DATABASE);
const running: ChildProcess[] = [];
for (const [i, server] of SERVERS.entries()) running.push(await server.start(databaseUrl, 3431 + i)); // one at a time: each migrates
let runs: Measured[][];
const statements: number[] = [];
let headers: Headers;
try {
  console.log(`seeding ${MOVIES} movies…`);
  await seedMovies(databaseUrl, MOVIES);
  headers = { authorization: `Bearer ${await logIn(base(0))}` };
  console.log(`load average at start: ${loads()}`);
  runs = await alternate(running, headers);
  for (const i of SERVERS.keys()) {
    const one = () => fetch(`${base(i)}${randomMovie()}`, { headers }).then((response) => response.arrayBuffer());
    statements.push(await statementsPerRequest(databaseUrl, COUNT, one));
  }
} finally {
  await Promise.all(running.map(stopServer));
}
console.log(`load average at end: ${loads()}`);
if (ROUNDS > 0) report(runs, statements);
if (process.env.BENCH_PROFILE === '1') {
  // The bare handler too, as after: the profiles side by side show what Marquee adds.
  for (const [i, server] of SERVERS.entries()) if (server.name !== 'bare, as before') await profile(server, i, databaseUrl, headers);
}
