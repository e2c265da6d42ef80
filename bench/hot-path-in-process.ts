/**
 * Issue 13, the hot path without sockets: authenticated GET /movies/:id driven with app.inject
 * (BENCH_CONCURRENCY at once) against apps built in ONE process, alternating BENCH_ROUNDS
 * times: Marquee after (this tree), Marquee before (BEFORE_DIR, a checkout of the baseline with
 * its own node_modules, when set) and the bare handler (bench/support/bare-auth-app.ts, named
 * statements). Each is built as the server builds it (PostgreSQL repositories, container,
 * bearer check, a pino logger at warn). Reports medians of the process's CPU per request, the
 * figure that least depends on the machine's load, and of wall time per request. With
 * BENCH_PROFILE=1, one more run of each under the V8 profiler (measured window only), its top
 * self time printed and the profile kept in bench/results/. Needs the database bench:hot-path
 * seeded (BENCH_DATABASE_URL, its admin bench-admin).
 *
 *   BEFORE_DIR=../before npm run bench:hot-path:in-process   (BENCH_ROUNDS=15 BENCH_REQUESTS=1000 BENCH_CONCURRENCY=20)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildBareAuthApp } from './support/bare-auth-app.ts';
import { BENCH_ADMIN, BENCH_JWT_SECRET } from './support/marquee.ts';
import { profileTop } from './support/profile-top.ts';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/marquee_bench_hot_path';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);

interface Variant {
  name: string;
  app: FastifyInstance;
  close: () => Promise<unknown>;
  cpu: number[];
  wall: number[];
}

/** Marquee from the tree at `dir`, wired as src/infrastructure/server.ts wires it (without Redis). */
async function marquee(name: string, dir: string): Promise<Variant> {
  const from = (path: string) => import(resolve(dir, path));
  const [{ buildHttpApp }, { bearerAuthorize }, { buildUseCases }, { openDatabase }, { identityFromConfig }, { loadConfig }] =
    await Promise.all(
      ['adapters/http/app', 'adapters/http/authorize', 'infrastructure/container', 'infrastructure/database']
        .concat(['infrastructure/identity', 'infrastructure/config'])
        .map((module) => from(`src/${module}.ts`)),
    );
  const config = loadConfig({ DATABASE_URL, JWT_SECRET: BENCH_JWT_SECRET, ACCESS_TOKEN_TTL: '2h' });
  const database = await openDatabase({ databaseUrl: DATABASE_URL, dataDir: '.', migrate: false });
  const useCases = buildUseCases(database.repositories, identityFromConfig(config, database.repositories));
  const authorize = bearerAuthorize(useCases);
  const poolStats = () => database.poolStats?.();
  const app = await buildHttpApp({ useCases, logger: { level: 'warn' }, corsOrigins: [], isReady: async () => true, poolStats, authorize });
  return { name, app, close: () => app.close().then(() => database.close()), cpu: [], wall: [] };
}

function bare(): Variant {
  const { app, pool } = buildBareAuthApp({ databaseUrl: DATABASE_URL, secret: BENCH_JWT_SECRET });
  return { name: 'bare', app, close: () => app.close().then(() => pool.end()), cpu: [], wall: [] };
}

/** CPU µs and wall µs per request over `requests` GET /movies/:id, `CONCURRENCY` at a time. */
async function drive(app: FastifyInstance, token: string, requests: number): Promise<{ cpu: number; wall: number }> {
  let sent = 0;
  const [cpuBefore, startedAt] = [process.cpuUsage(), performance.now()];
  const worker = async () => {
    while (sent++ < requests) {
      const url = `/movies/${1 + Math.floor(Math.random() * MOVIES)}`;
      const response = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      if (response.statusCode !== 200) throw new Error(`GET /movies/:id → ${response.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / requests, wall: ((performance.now() - startedAt) * 1000) / requests };
}

/** One more measured run under the V8 profiler; prints its top self time. */
async function profile(variant: Variant, token: string): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await drive(variant.app, token, 500);
  await session.post('Profiler.start');
  await drive(variant.app, token, REQUESTS);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/in-process-${variant.name.replace(/\W+/g, '-')}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  console.log(`\n${variant.name}: top self time (${file})`);
  for (const line of profileTop(file, Number.MAX_SAFE_INTEGER, 0, 25)) console.log(`    ${line}`);
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const loads = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const variants = [await marquee('Marquee after', '.')];
if (process.env.BEFORE_DIR) variants.push(await marquee('Marquee before', process.env.BEFORE_DIR));
variants.push(bare());
const login = await variants[0]!.app.inject({ method: 'POST', url: '/auth', payload: BENCH_ADMIN });
const token = (login.json() as { access_token: string }).access_token;
for (const variant of variants) await drive(variant.app, token, 1500); // JIT, pool, prepared statements
console.log(`load average at start: ${loads()}`);
for (let round = 1; round <= ROUNDS; round++) {
  for (const variant of variants) {
    await drive(variant.app, token, 50); // its objects back in the caches
    const { cpu, wall } = await drive(variant.app, token, REQUESTS);
    variant.cpu.push(cpu);
    variant.wall.push(wall);
  }
  console.log(`round ${round}: ${variants.map((v) => `${v.name} ${v.cpu.at(-1)!.toFixed(0)} µs`).join(', ')} (load ${loads()})`);
}
console.log(`\nGET /movies/:id in process, ${CONCURRENCY} at once, ${ROUNDS} alternating rounds of ${REQUESTS}, medians\n`);
console.log('| variant | CPU µs/req | wall µs/req (1/throughput) | CPU ÷ bare (median of rounds) | CPU ÷ Marquee after | CPU per round |');
console.log('|---|---|---|---|---|---|');
/** Each round's ratio first, then the median: the load drifts between rounds, less within one. */
const ratio = (v: Variant, to: Variant) => median(v.cpu.map((cpu, round) => cpu / to.cpu[round]!)).toFixed(3);
for (const v of variants) {
  const cells = [median(v.cpu).toFixed(0), median(v.wall).toFixed(0), ratio(v, variants.at(-1)!), ratio(v, variants[0]!)];
  console.log(`| ${v.name} | ${cells.join(' | ')} | ${v.cpu.map((c) => c.toFixed(0)).join(', ')} |`);
}
if (process.env.BENCH_PROFILE === '1') for (const v of variants) await profile(v, token);
for (const v of variants) await v.close();
