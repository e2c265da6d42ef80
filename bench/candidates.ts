/**
 * Candidates benchmark (issue 12): 100,000 actors and 10,000 booked parts (accepted auditions
 * in 2,000 movies shooting through 2027–28) in a fresh PostgreSQL database; one open role
 * (female, 25–40, shooting June–August 2027, 300 live auditions). Prints the EXPLAIN of the
 * statements Marquee builds, then drives GET /roles/:id/candidates at 10 connections against
 * Marquee (authenticated, as served) and against bench/bare-candidates-server.ts (the same SQL
 * through pg), one server at a time, and prints req/s, p50, p99 and the ratios. Target: p99 < 50 ms.
 *
 *   npm run bench:candidates     (BENCH_SECONDS=10 BENCH_ACTORS=100000 BENCH_BOOKED=10000)
 */
import { explainCandidates } from './support/explain-candidates.ts';
import { load, type LoadResult } from './support/load.ts';
import { benchDatabase, logIn, startMarquee } from './support/marquee.ts';
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
const fit = { ageMin: 25, ageMax: 40, gender: 'female' };
const scenarios = (roleId: number): [string, string][] => [
  ['first page', `/roles/${roleId}/candidates`],
  ['sort=name.asc, page 50', `/roles/${roleId}/candidates?sort=name.asc&page=50`],
  ['q=77 (name contains)', `/roles/${roleId}/candidates?q=77`],
];
const paths = (roleId: number) => scenarios(roleId).map(([, path]) => path);

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
try {
  console.log(`seeding ${ACTORS} actors, ${BOOKED} booked parts and ${CATALOG} movies without a shoot…`);
  role = await seedCasting(databaseUrl, { actors: ACTORS, bookedParts: BOOKED, movies: 2_000, catalogMovies: CATALOG });
  for (const plan of await explainCandidates(databaseUrl, { roleId: role.id, fit, shoot: { start: '2027-06-01', end: '2027-08-31' } })) {
    console.log(`\nEXPLAIN ANALYZE, ${plan.name} (${plan.executionMs} ms; sequential scans: ${plan.seqScans.join(', ') || 'none'})`);
    console.log(plan.plan.map((line) => `    ${line}`).join('\n'));
  }
  ours = await measure(marqueeBase, paths(role.id), { authorization: `Bearer ${await logIn(marqueeBase)}` });
} finally {
  await stopServer(marquee);
}
const bare = await startServer(
  'bench/bare-candidates-server.ts',
  { DATABASE_URL: databaseUrl, PORT: '3442' },
  'http://127.0.0.1:3442/health/live',
);
let theirs: LoadResult[];
try {
  theirs = await measure('http://127.0.0.1:3442', paths(role.id));
} finally {
  await stopServer(bare);
}

console.log(
  `\n${ACTORS} actors, ${BOOKED} booked parts, role with ${role.auditions} live auditions; ${CONNECTIONS} connections, ${SECONDS} s each\n`,
);
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
