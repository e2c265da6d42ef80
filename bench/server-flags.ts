import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { cpuMs } from './support/cpu.ts';
import { gcProbe, gcTotals, type GcTotals } from './support/gc-totals.ts';
import { load } from './support/load.ts';
import { benchDatabase, logIn, marqueeEnv } from './support/marquee.ts';
import { npmStart, startServer, stopServer } from './support/processes.ts';
import { seedMovies } from './support/seed.ts';
import { freePort } from './support/startup-runs.ts';

/*
 * `npm run bench:server-flags`: what Node's flags in `npm start` cost the catalog. Servers of this
 * tree on one seeded database (BENCH_MOVIES, 100,000): A with FLAGS_A (none), B with FLAGS_B
 * (those of `npm start`), C and D when FLAGS_C / FLAGS_D are set. Each route is driven at 50
 * connections for BENCH_SECONDS (10) after a 2 s warm-up, BENCH_ROUNDS (3) rounds, each round
 * starting with the next server. Reported: the server's CPU per request (user + system, GC
 * threads included), the collector's main-thread pauses per request (gc-probe.ts), req/s,
 * p99 and RSS. On a shared machine CPU per request swings with the load; the pauses much less.
 */

const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const flags = (text: string | undefined, fallback: string[]) => (text === undefined ? fallback : text.split(' ').filter(Boolean));
const SERVERS = [
  { name: 'A', flags: flags(process.env.FLAGS_A, []) },
  { name: 'B', flags: flags(process.env.FLAGS_B, npmStart().flags) },
  ...['C', 'D']
    .filter((name) => process.env[`FLAGS_${name}`] !== undefined)
    .map((name) => ({ name, flags: flags(process.env[`FLAGS_${name}`], []) })),
];
const randomId = () => 1 + Math.floor(Math.random() * MOVIES);
const ROUTES: [string, () => string][] = [
  ['GET /movies/:id', () => `/movies/${randomId()}`],
  ['GET /movies', () => `/movies?page=${1 + Math.floor(Math.random() * 20)}`],
];

interface Figures {
  cpuUs: number;
  scavengeUs: number;
  fullGcUs: number; // mark-compact and the rest of the collector's pauses
  scavenges: number; // per 1,000 requests
  rps: number;
  p99: number;
  rssMb: number;
}

interface Running {
  name: string;
  child: ChildProcess;
  base: string;
  headers: Record<string, string>;
  gcFile: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rssMb = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const fullMs = (gc: GcTotals) => gc.fullGcMs + gc.otherMs;

async function measure(server: Running, paths: () => string): Promise<Figures> {
  const { child, base, headers } = server;
  await load({ url: base, paths, headers, seconds: 2 });
  const [cpu, gc] = [cpuMs(child.pid!), await gcTotals(child.pid!, server.gcFile)];
  const result = await load({ url: base, paths, headers, seconds: SECONDS });
  if (result.non2xx + result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const [cpuAfter, gcAfter] = [cpuMs(child.pid!), await gcTotals(child.pid!, server.gcFile)];
  const requests = Math.max(1, result.total);
  return {
    cpuUs: ((cpuAfter - cpu) * 1000) / requests,
    scavengeUs: ((gcAfter.scavengeMs - gc.scavengeMs) * 1000) / requests,
    fullGcUs: ((fullMs(gcAfter) - fullMs(gc)) * 1000) / requests,
    scavenges: ((gcAfter.scavenges - gc.scavenges) * 1000) / requests,
    rps: result.requestsPerSecond,
    p99: result.p99,
    rssMb: await rssMb(child.pid!),
  };
}

async function start(url: string, server: (typeof SERVERS)[number]): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const probe = gcProbe(server.name);
  const env = { ...marqueeEnv(url, port), ...npmStart().env, ...probe.env };
  const child = await startServer('src/infrastructure/main.ts', env, `${base}/health/live`, [...server.flags, probe.flag]);
  return { name: server.name, child, base, headers: { authorization: `Bearer ${await logIn(base)}` }, gcFile: probe.env.GC_PROBE_FILE! };
}

function report(route: string, runs: Map<string, Figures[]>): void {
  console.log(`${route} (load average ${loadavg()[0]!.toFixed(1)}):`);
  const cpuA = runs.get('A')!.map((f) => f.cpuUs);
  for (const [name, figures] of runs) {
    const m = (pick: (f: Figures) => number) => median(figures.map(pick));
    const ratio = name === 'A' ? '' : `, ${name}/A by round ${figures.map((f, i) => (f.cpuUs / cpuA[i]!).toFixed(2)).join(' ')}`;
    console.log(
      `  ${name}: CPU µs/request ${m((f) => f.cpuUs).toFixed(0)}${ratio}; GC pauses µs/request: scavenges ${m((f) => f.scavengeUs).toFixed(0)} ` +
        `(${m((f) => f.scavenges).toFixed(1)} per 1,000), others ${m((f) => f.fullGcUs).toFixed(0)}; ${m((f) => f.rps).toFixed(0)} req/s, p99 ${m((f) => f.p99)} ms, ` +
        `RSS ${Math.max(...figures.map((f) => f.rssMb)).toFixed(0)} MB`,
    );
  }
}

async function main(): Promise<void> {
  const url = await benchDatabase('marquee_bench_server_flags'); // one name, as the other benches: the next run replaces it
  const servers: Running[] = [];
  try {
    for (const server of SERVERS) servers.push(await start(url, server));
    await seedMovies(url, MOVIES);
    console.log(
      `${SERVERS.map((s) => `${s.name}: ${s.flags.join(' ') || '(none)'}`).join('; ')}; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    for (const [route, paths] of ROUTES) {
      const runs = new Map<string, Figures[]>(servers.map((s) => [s.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < servers.length; i++) {
          const server = servers[(i + round) % servers.length]!;
          runs.get(server.name)!.push(await measure(server, paths));
        }
      }
      report(route, runs);
    }
  } finally {
    await Promise.all(servers.map((s) => stopServer(s.child)));
  }
}

await main();
