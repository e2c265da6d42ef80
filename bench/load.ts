/**
 * Mixed read/write load (issue 5 item 4): autocannon at 50 connections for BENCH_SECONDS
 * against Marquee on a fresh PostgreSQL database of BENCH_MOVIES movies, every request a
 * random pick of the mix below, authenticated as the admin. Deletes only remove rows this run
 * created. Prints p50/p99 and status counts per route; exits 1 on any 5xx or socket error.
 *
 *   npm run bench:load       (BENCH_SECONDS=120 BENCH_MOVIES=100000 BENCH_CONNECTIONS=50)
 */
import autocannon from 'autocannon';
import { benchDatabase, logIn, startMarquee } from './support/marquee.ts';
import { stopServer } from './support/processes.ts';
import { seedMovies } from './support/seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = 3421;
const BASE = `http://127.0.0.1:${PORT}`;
const WORDS = ['night', 'city', 'river', 'ghost', 'summer', 'iron', 'secret', 'golden', 'empire', 'storm', 'zanzibar'];

type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string; body?: unknown };
type Context = { route?: number };
const random = (n: number) => Math.floor(Math.random() * n);
const createdMovies: number[] = [];
const createdActors: number[] = [];
let sequence = 0;

/** Route name, weight, and a request (or undefined when it cannot run now, e.g. nothing to delete yet). */
const MIX: [string, number, () => Request | undefined][] = [
  ['GET /movies/:id', 35, () => ({ method: 'GET', path: `/movies/${1 + random(MOVIES)}` })],
  ['GET /movies?q=', 15, () => ({ method: 'GET', path: `/movies?q=${WORDS[random(WORDS.length)]}` })],
  ['GET /actors', 10, () => ({ method: 'GET', path: `/actors?page=${1 + random(5)}` })],
  [
    'POST /movies',
    10,
    () => ({
      method: 'POST',
      path: '/movies',
      body: { title: `load ${process.pid} ${++sequence}`, genres: ['Drama'], popularity: random(100) },
    }),
  ],
  ['PATCH /movies/:id', 10, () => ({ method: 'PATCH', path: `/movies/${1 + random(MOVIES)}`, body: { popularity: random(1000) / 10 } })],
  [
    'POST /actors',
    8,
    () => ({ method: 'POST', path: '/actors', body: { name: `Load Actor ${++sequence}`, age: 20 + random(60), gender: 'female' } }),
  ],
  ['DELETE /movies/:id (own)', 7, () => own('movies', createdMovies)],
  ['DELETE /actors/:id (own)', 5, () => own('actors', createdActors)],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, weight]) => sum + weight, 0);

function own(kind: string, ids: number[]): Request | undefined {
  const id = ids.splice(random(ids.length), 1)[0];
  return id === undefined ? undefined : { method: 'DELETE', path: `/${kind}/${id}` };
}

/** A weighted pick; a delete with nothing to delete falls back to the first route. */
function pick(): [number, Request] {
  let roll = random(TOTAL_WEIGHT);
  const index = MIX.findIndex(([, weight]) => (roll -= weight) < 0);
  const request = MIX[index]![2]();
  return request ? [index, request] : [0, MIX[0]![2]()!];
}

interface RouteStats {
  latencies: number[];
  statuses: Map<number, number>;
}
const stats: RouteStats[] = MIX.map(() => ({ latencies: [], statuses: new Map() }));

function remember(route: number, status: number, body: string): void {
  const counts = stats[route]!.statuses;
  counts.set(status, (counts.get(status) ?? 0) + 1);
  if (status !== 201) return;
  const parsed = JSON.parse(body) as { movie?: { id: number }; actor?: { id: number } };
  if (parsed.movie) createdMovies.push(parsed.movie.id);
  if (parsed.actor) createdActors.push(parsed.actor.id);
}

async function drive(token: string): Promise<autocannon.Result> {
  const auth = { authorization: `Bearer ${token}` };
  let lastRoute = 0; // with pipelining 1, 'response' follows its own onResponse synchronously
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url: BASE,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (request, context) => {
            const [route, next] = pick();
            (context as Context).route = route;
            const headers = next.body === undefined ? auth : { ...auth, 'content-type': 'application/json' };
            return {
              ...request,
              method: next.method,
              path: next.path,
              headers,
              body: next.body === undefined ? undefined : JSON.stringify(next.body),
            };
          },
          onResponse: (status, body, context) => {
            lastRoute = (context as Context).route ?? 0;
            remember(lastRoute, status, body);
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, milliseconds) => stats[lastRoute]!.latencies.push(milliseconds));
  return done;
}

async function seedActors(token: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify({ name: `Seed Actor ${i}`, age: 20 + (i % 60), gender: i % 2 ? 'male' : 'female' });
    const response = await fetch(`${BASE}/actors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 201) throw new Error(`seeding actors: ${response.status} ${await response.text()}`);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

function report(result: autocannon.Result): number {
  console.log(
    `\nmixed load, ${CONNECTIONS} connections, ${SECONDS} s, ${MOVIES} seeded movies: ${result.requests.average.toFixed(0)} req/s overall\n`,
  );
  console.log('| route | requests | p50 ms | p99 ms | statuses |');
  console.log('|---|---|---|---|---|');
  let serverErrors = 0;
  MIX.forEach(([name], i) => {
    const { latencies, statuses } = stats[i]!;
    latencies.sort((a, b) => a - b);
    const codes = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([code, n]) => `${code}×${n}`)
      .join(' ');
    serverErrors += [...statuses].filter(([code]) => code >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `| ${name} | ${latencies.length} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${codes} |`,
    );
  });
  console.log(`\n5xx: ${serverErrors}; socket errors/timeouts: ${result.errors}/${result.timeouts}`);
  return serverErrors + result.errors;
}

const databaseUrl = await benchDatabase('marquee_bench_load');
const server = await startMarquee(databaseUrl, PORT);
let failures = 0;
try {
  console.log(`seeding ${MOVIES} movies and 200 actors…`);
  await seedMovies(databaseUrl, MOVIES);
  const token = await logIn(BASE);
  await seedActors(token, 200);
  failures = report(await drive(token));
} finally {
  await stopServer(server);
}
if (failures > 0) process.exitCode = 1;
