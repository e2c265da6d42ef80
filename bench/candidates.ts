/**
 * Candidates benchmark (issue 12): 100,000 actors and 10,000 booked parts (accepted auditions
 * in 2,000 movies shooting through 2027–28) in a fresh PostgreSQL database; one open role
 * (female, 25–40, shooting June–August 2027, 300 live auditions). Records the statements
 * Marquee's own code sends for each request URL and prints their EXPLAIN ANALYZE, then drives
 * GET /roles/:id/candidates at 10 connections against Marquee (authenticated, as served) and
 * against bench/bare-candidates-server.ts (the role, then the recorded statements on `actor`
 * through pg), one server at a time, and prints req/s, p50, p99 and the ratios. Target: p99 < 50 ms.
 *
 *   npm run bench:candidates     (BENCH_SECONDS=10 BENCH_ACTORS=100000 BENCH_BOOKED=10000)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { explainStatements } from './support/catalog-queries.ts';
import { load, type LoadResult } from './support/load.ts';
import { benchDatabase, logIn, startMarquee } from './support/marquee.ts';
import { marqueeStatements } from './support/marquee-statements.ts';
import { startServer, stopServer } from './support/processes.ts';
import { seedCasting } from './support/seed-casting.ts';

const ACTORS = Number(process.env.BENCH_ACTORS ?? 100_000);
const BOOKED = Number(process.env.BENCH_BOOKED ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CATALOG = Number(process.env.BENCH_MOVIES ?? 100_000);
const CONNECTIONS = 10;
const TARGET_P99_MS = 50;

const databaseUrl = await benchDatabase('marquee_bench_candidates');
const MARQUEE_PORT = 3441;
const marqueeBase = `http://127.0.0.1:${MARQUEE_PORT}`;
const STATEMENTS_FILE = 'bench/results/candidates-statements.json';
// Actors are named `Actor <n>`: `77` starts the number word of 1,111 of them, `actor` is a word of every name.
const scenarios = (roleId: number): [string, string][] => [
  ['first page', `/roles/${roleId}/candidates`],
  ['sort=name.asc, page 50', `/roles/${roleId}/candidates?sort=name.asc&page=50`],
  ['q=77 (a word start, ranked)', `/roles/${roleId}/candidates?q=77`],
  ['q=actor (a word of every name, ranked)', `/roles/${roleId}/candidates?q=actor`],
];
const paths = (roleId: number) => scenarios(roleId).map(([, path]) => path);
const load1 = () => loadavg()[0]!.toFixed(1);

/** Marquee's statements per URL, those on `actor` (the role and movie lookups aside) written for the bare server; their EXPLAIN printed. */
async function recordStatements(roleId: number): Promise<void> {
  const recorded = await marqueeStatements(databaseUrl, paths(roleId));
  const onActor = [...recorded].map(([url, statements]) => [url, statements.filter((s) => /\bfrom "actor"/.test(s.text))]);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(STATEMENTS_FILE, JSON.stringify(Object.fromEntries(onActor)));
  for (const [name, url] of scenarios(roleId)) {
    console.log(`\nEXPLAIN ANALYZE, ${name} (${url}):`);
    for (const plan of await explainStatements(databaseUrl, recorded.get(url) ?? [])) console.log(plan);
  }
}

async function measure(base: string, paths: string[], headers: Record<string, string> = {}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const path of paths) {
    await load({ url: base, paths: () => path, headers, connections: CONNECTIONS, seconds: 2 }); // warm-up
    results.push(await load({ url: base, paths: () => path, headers, connections: CONNECTIONS, seconds: SECONDS }));
  }
  return results;
}

const marquee = await startMarquee(databaseUrl, MARQUEE_PORT); // migrates and creates the admin
let role: Awaited<ReturnType<typeof seedCasting>>;
let ours: LoadResult[];
let startLoad: string;
try {
  console.log(`seeding ${ACTORS} actors, ${BOOKED} booked parts and ${CATALOG} movies without a shoot…`);
  role = await seedCasting(databaseUrl, { actors: ACTORS, bookedParts: BOOKED, movies: 2_000, catalogMovies: CATALOG });
  await recordStatements(role.id);
  startLoad = load1();
  ours = await measure(marqueeBase, paths(role.id), { authorization: `Bearer ${await logIn(marqueeBase)}` });
} finally {
  await stopServer(marquee);
}
const bare = await startServer(
  'bench/bare-candidates-server.ts',
  { DATABASE_URL: databaseUrl, PORT: '3442', BENCH_STATEMENTS: STATEMENTS_FILE },
  'http://127.0.0.1:3442/health/live',
);
let theirs: LoadResult[];
try {
  theirs = await measure('http://127.0.0.1:3442', paths(role.id));
} finally {
  await stopServer(bare);
}

console.log(
  `\n${ACTORS} actors, ${BOOKED} booked parts, role with ${role.auditions} live auditions; ${CONNECTIONS} connections, ${SECONDS} s each, ${new Date().toISOString()}`,
);
console.log(`load average ${startLoad} at the start, ${load1()} at the end\n`);
console.log('| request | Marquee req/s | Marquee p50 / p99 ms | bare req/s | bare p50 / p99 ms | req/s ratio | p99 ratio | non-2xx |');
console.log('|---|---|---|---|---|---|---|---|');
scenarios(role.id).forEach(([name], i) => {
  const [m, b] = [ours[i]!, theirs[i]!];
  const ratio = (m.requestsPerSecond / b.requestsPerSecond).toFixed(2);
  console.log(
    `| ${name} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50} / ${m.p99} | ${b.requestsPerSecond.toFixed(0)} | ${b.p50} / ${b.p99} | ${ratio}× | ${(m.p99 / b.p99).toFixed(2)}× | ${m.non2xx + m.errors}/${b.non2xx + b.errors} |`,
  );
});
const worst = Math.max(...ours.map((result) => result.p99));
console.log(`\nMarquee's worst p99: ${worst} ms — target < ${TARGET_P99_MS} ms: ${worst < TARGET_P99_MS ? 'met' : 'NOT met'}`);
if (ours.some((result) => result.non2xx + result.errors > 0)) process.exitCode = 1;
