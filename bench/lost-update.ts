/**
 * Lost-update check (issue 5 item 4). Popularity is 0–100, so each round takes a fresh movie
 * at popularity 0 and CLIENTS × INCREMENTS ≤ 100 increments of +1: every client loops
 * GET (read the ETag and value) → PATCH {popularity: value + 1} with If-Match, and on 412
 * reads again and retries. The final popularity must equal the number of increments.
 * A control round without If-Match shows the test can see lost updates at all.
 *
 *   npm run bench:lost-update      (BENCH_CLIENTS=20 BENCH_INCREMENTS=5 BENCH_ROUNDS=5)
 */
import { benchDatabase, logIn, startMarquee } from './support/marquee.ts';
import { stopServer } from './support/processes.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const INCREMENTS = Number(process.env.BENCH_INCREMENTS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
if (CLIENTS * INCREMENTS > 100) throw new Error('BENCH_CLIENTS × BENCH_INCREMENTS must be at most 100 (popularity is 0–100)');
const PORT = 3431;
const BASE = `http://127.0.0.1:${PORT}`;

interface Tally {
  retries: number;
  serverErrors: number;
}

async function call(token: string, method: string, path: string, body?: unknown, ifMatch?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch !== undefined) headers['if-match'] = ifMatch;
  return fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function read(token: string, id: number, tally: Tally): Promise<{ popularity: number; etag: string }> {
  const response = await call(token, 'GET', `/movies/${id}`);
  if (response.status >= 500) tally.serverErrors++;
  if (!response.ok) throw new Error(`GET /movies/${id}: ${response.status}`);
  const { movie } = (await response.json()) as { movie: { popularity: number } };
  return { popularity: movie.popularity, etag: response.headers.get('etag')! };
}

/** One increment, retried on 412 until it lands; without If-Match it always "lands". */
async function increment(token: string, id: number, tally: Tally, conditional: boolean): Promise<void> {
  for (;;) {
    const { popularity, etag } = await read(token, id, tally);
    const response = await call(token, 'PATCH', `/movies/${id}`, { popularity: popularity + 1 }, conditional ? etag : undefined);
    await response.arrayBuffer();
    if (response.ok) return;
    if (response.status >= 500) tally.serverErrors++;
    if (response.status !== 412) throw new Error(`PATCH /movies/${id}: ${response.status}`);
    tally.retries++;
  }
}

async function round(token: string, conditional: boolean): Promise<{ final: number } & Tally> {
  const created = await call(token, 'POST', '/movies', { title: `lost-update ${Date.now()} ${Math.random()}`, popularity: 0 });
  const id = ((await created.json()) as { movie: { id: number } }).movie.id;
  const tally: Tally = { retries: 0, serverErrors: 0 };
  const client = async () => {
    for (let i = 0; i < INCREMENTS; i++) await increment(token, id, tally, conditional);
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { final: (await read(token, id, tally)).popularity, ...tally };
}

const databaseUrl = await benchDatabase('marquee_bench_lost_update');
const server = await startMarquee(databaseUrl, PORT);
let lost = 0;
try {
  const token = await logIn(BASE);
  const expected = CLIENTS * INCREMENTS;
  console.log(
    `${CLIENTS} concurrent clients × ${INCREMENTS} increments of one movie's popularity (from 0), GET + PATCH If-Match, retry on 412\n`,
  );
  console.log('| round | increments | final popularity | 412 retries | 5xx | lost |');
  console.log('|---|---|---|---|---|---|');
  let retries = 0;
  for (let r = 1; r <= ROUNDS; r++) {
    const result = await round(token, true);
    lost += expected - result.final + result.serverErrors;
    retries += result.retries;
    console.log(`| ${r} | ${expected} | ${result.final} | ${result.retries} | ${result.serverErrors} | ${expected - result.final} |`);
  }
  console.log(`\nincrements: ${expected * ROUNDS}, retries: ${retries}, lost updates: ${lost}`);
  const control = await round(token, false);
  console.log(
    `control without If-Match: ${expected} increments, final ${control.final}, lost ${expected - control.final} (expected > 0: last write wins)`,
  );
} finally {
  await stopServer(server);
}
if (lost !== 0) process.exitCode = 1;
