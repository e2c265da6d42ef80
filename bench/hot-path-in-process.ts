/**
 * Issue 13, the hot path without sockets or neighbours' noise on the HTTP side: Marquee's real
 * app (PostgreSQL repositories, container, bearer check) built twice in ONE process, with and
 * without named prepared statements, driven with app.inject at BENCH_CONCURRENCY requests at
 * once, alternating BENCH_ROUNDS times. Reports medians of the process's CPU per request and
 * of wall time per request (1 / throughput). Needs the database bench:hot-path seeded
 * (BENCH_DATABASE_URL, its admin bench-admin).
 *
 *   npm run bench:hot-path:in-process   (BENCH_ROUNDS=5 BENCH_REQUESTS=2000 BENCH_CONCURRENCY=20)
 */
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../src/adapters/http/app.ts';
import { bearerAuthorize } from '../src/adapters/http/authorize.ts';
import { buildUseCases } from '../src/infrastructure/container.ts';
import { openDatabase, type Database } from '../src/infrastructure/database.ts';
import { identityFromConfig } from '../src/infrastructure/identity.ts';
import { loadConfig } from '../src/infrastructure/config.ts';
import { BENCH_ADMIN, BENCH_JWT_SECRET } from './support/marquee.ts';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/marquee_bench_hot_path';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);

async function marquee(preparedStatements: boolean): Promise<{ app: FastifyInstance; database: Database }> {
  const config = loadConfig({ DATABASE_URL, JWT_SECRET: BENCH_JWT_SECRET, ACCESS_TOKEN_TTL: '2h' });
  const database = await openDatabase({ databaseUrl: DATABASE_URL, dataDir: '.', migrate: false, preparedStatements });
  const useCases = buildUseCases(database.repositories, identityFromConfig(config, database.repositories));
  const app = await buildHttpApp({ useCases, corsOrigins: [], isReady: async () => true, authorize: bearerAuthorize(useCases) });
  return { app, database };
}

/** CPU µs and wall µs per request over `requests` GET /movies/:id, `CONCURRENCY` at a time. */
async function drive(app: FastifyInstance, token: string, requests: number): Promise<{ cpu: number; wall: number }> {
  let sent = 0;
  const [cpuBefore, startedAt] = [process.cpuUsage(), performance.now()];
  const worker = async () => {
    while (sent++ < requests) {
      const response = await app.inject({
        url: `/movies/${1 + Math.floor(Math.random() * MOVIES)}`,
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.statusCode !== 200) throw new Error(`GET /movies/:id → ${response.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / requests, wall: ((performance.now() - startedAt) * 1000) / requests };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const variants = [
  { name: 'unnamed statements', ...(await marquee(false)), cpu: [] as number[], wall: [] as number[] },
  { name: 'named prepared statements', ...(await marquee(true)), cpu: [] as number[], wall: [] as number[] },
];
const login = await variants[0]!.app.inject({ method: 'POST', url: '/auth', payload: BENCH_ADMIN });
const token = (login.json() as { access_token: string }).access_token;
for (let round = 1; round <= ROUNDS; round++) {
  for (const variant of variants) {
    await drive(variant.app, token, 200); // warm-up
    const { cpu, wall } = await drive(variant.app, token, REQUESTS);
    variant.cpu.push(cpu);
    variant.wall.push(wall);
  }
}
console.log(`\nGET /movies/:id in process, ${CONCURRENCY} at once, ${ROUNDS} alternating rounds of ${REQUESTS}, medians\n`);
console.log('| variant | CPU µs/req | wall µs/req (1/throughput) | CPU per round |');
console.log('|---|---|---|---|');
for (const v of variants) {
  console.log(`| ${v.name} | ${median(v.cpu).toFixed(0)} | ${median(v.wall).toFixed(0)} | ${v.cpu.map((c) => c.toFixed(0)).join(', ')} |`);
  await v.app.close();
  await v.database.close();
}
