import { randomBytes, randomInt } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { E2E_ADMIN } from '../support/auth.ts';
import { startChildServer } from '../support/server.ts';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services.ts';
import { freshPostgresDatabase } from './postgres.ts';

/*
 * Scale-out: two real server processes on ONE fresh PostgreSQL database and the shared Redis.
 * What one instance changes, the other enforces on the next request: roles and deactivation,
 * login rate-limit counters, and the progress of an import running on the other instance.
 *
 * Login counters live in the shared Redis under fixed key names (per client IP, per username),
 * and the server offers no environment variable for their prefix. So that reruns and other
 * tests never share a counter with this one, every login comes from its own loopback source
 * address (all of 127.0.0.0/8 reaches a server on 127.0.0.1) or uses a username of its own.
 */

const POSTGRES = TEST_DATABASE_URL!; // scale-out.test.ts runs this file only when both are set
const REDIS = TEST_REDIS_URL!;
const PER_USERNAME = 10; // DEFAULTS.perUsername in src/adapters/http/rate-limit.ts
const PER_CLIENT = 20; // DEFAULTS.perClient

const database = await freshPostgresDatabase(POSTGRES, 'scale_out');
const dataDir = mkdtempSync(join(tmpdir(), 'marquee-scale-out-'));
const env = {
  DATA_DIR: dataDir,
  DATABASE_URL: database.url,
  REDIS_URL: REDIS,
  JWT_SECRET: randomBytes(32).toString('base64url'),
  ...E2E_ADMIN,
};
// One after the other: the first migrates the empty database, the second finds it migrated.
const a = await startChildServer(env);
const b = await startChildServer(env);
t.teardown(async () => {
  const codes = await Promise.all([a.stop(), b.stop()]);
  if (codes.some((code) => code !== 0)) t.comment(`exit codes ${codes.join(', ')}\nA:\n${a.output()}\nB:\n${b.output()}`);
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
});

const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;
const loopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
type Headers = Record<string, string>;
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** POSTs JSON from a chosen loopback source address (fetch cannot pick one). */
function postFrom(baseUrl: string, path: string, payload: unknown, source = loopback()): Promise<Answer> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method: 'POST', localAddress: source, headers: { 'content-type': 'application/json' } });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> }),
      );
    });
    req.end(body);
  });
}

async function send(url: string, method: string, headers: Headers, body?: unknown) {
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// Admin logins from fresh source addresses too, so a rerun within the window is not refused.
const adminA = await bearerOf(a.url, E2E_ADMIN.ADMIN_USERNAME, E2E_ADMIN.ADMIN_PASSWORD);
const adminB = await bearerOf(b.url, E2E_ADMIN.ADMIN_USERNAME, E2E_ADMIN.ADMIN_PASSWORD);

async function bearerOf(url: string, username: string, password: string): Promise<Headers> {
  const login = await postFrom(url, '/auth', { username, password });
  if (login.status !== 200) throw new Error(`login ${username} at ${url} → ${login.status} ${JSON.stringify(login.body)}`);
  return { authorization: `Bearer ${String(login.body.access_token)}` };
}

t.test('a role change or deactivation made through A is enforced by B on the next request', async (t) => {
  const username = unique('producer');
  const password = 'Producer123';
  const registered = await postFrom(a.url, '/register', { name: 'Pat Producer', username, password });
  t.equal(registered.status, 201, 'registered through A');
  const id = (registered.body.user as { id: number }).id;
  const promoted = await send(`${a.url}/users/${id}`, 'PATCH', adminA, { role: 'executive_producer' });
  t.match(promoted, { status: 200, body: { user: { role: 'executive_producer' } } }, 'promoted through A');

  const user = await bearerOf(b.url, username, password);
  const movie = { title: unique('Scale'), director: 'Two Instances' };
  t.equal((await send(`${b.url}/movies`, 'POST', user, movie)).status, 201, 'B lets the producer add a movie');

  const demoted = await send(`${a.url}/users/${id}`, 'PATCH', adminA, { role: 'casting_assistant' });
  t.match(demoted, { status: 200, body: { user: { role: 'casting_assistant' } } }, 'demoted through A');
  const refused = await send(`${b.url}/movies`, 'POST', user, { ...movie, title: unique('Scale') });
  t.equal(refused.status, 403, 'B refuses the same token right after the demotion');
  t.equal((await send(`${b.url}/movies?limit=1`, 'GET', user)).status, 200, 'reading is still allowed');

  t.equal((await send(`${a.url}/users/${id}`, 'DELETE', adminA)).status, 200, 'deactivated through A');
  t.equal((await send(`${b.url}/movies?limit=1`, 'GET', user)).status, 401, 'B rejects the token of a deactivated user');
  t.equal((await postFrom(b.url, '/auth', { username, password })).status, 401, 'and the user cannot log in at B');
});

/** Wrong-password logins alternating over `urls` until one answers 429; the attempt number and that answer. */
async function attemptsUntilRefused(urls: string[], username: (n: number) => string, source: (n: number) => string) {
  for (let n = 1; n <= 3 * PER_CLIENT; n++) {
    const answer = await postFrom(urls[n % urls.length]!, '/auth', { username: username(n), password: 'Wrong1234' }, source(n));
    if (answer.status === 429) return { attempts: n, answer };
    if (answer.status !== 401) throw new Error(`login attempt ${n} → ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { attempts: Infinity, answer: undefined };
}

t.test('login rate-limit counters are shared by both instances', async (t) => {
  const shared = unique('shared');
  const sources = Array.from({ length: PER_USERNAME }, () => loopback());
  for (const [n, source] of sources.entries()) {
    const answer = await postFrom([a.url, b.url][n % 2]!, '/auth', { username: shared, password: 'Wrong1234' }, source);
    t.equal(answer.status, 401, `failure ${n + 1} on ${n % 2 ? 'B' : 'A'}`);
  }
  const again = await postFrom(a.url, '/auth', { username: shared, password: 'Wrong1234' }, sources[1]);
  t.match(again, { status: 429, body: { code: 'RATE_LIMITED' } }, 'A refuses an address that failed for the username on B');
  t.ok(Number(again.headers['retry-after']) >= 1, 'with Retry-After in seconds');

  const client = loopback();
  const byClient = await attemptsUntilRefused(
    [a.url, b.url],
    (n) => unique(`client${n}`),
    () => client,
  );
  t.equal(byClient.attempts, PER_CLIENT + 1, 'one client address is refused after its limit, counted over both');
});

interface ImportView {
  state: string;
  report: { received: number; inserted: number; failed: number };
}

const ROWS = 5_000; // five batches of 1,000: A records progress after each
const rowsOf = (tag: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${JSON.stringify({ title: `${tag} ${from + i}`, director: 'Generator' })}\n`).join('');

/** An NDJSON upload to A that the test writes piece by piece; `answer` settles with A's status code. */
function heldUpload(url: string, headers: Headers) {
  const upload = request(`${url}/movies/import?mode=partial`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-ndjson' },
  });
  const answer = new Promise<number>((resolve, reject) => {
    upload.on('error', reject);
    upload.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)));
  });
  return { upload, answer };
}

async function importAt(url: string, id: number): Promise<{ status: number; job?: ImportView }> {
  const { status, body } = await send(`${url}/movies/import/${id}`, 'GET', adminB);
  return { status, job: body.import as ImportView | undefined };
}

/** The id of the import B sees running, once it shows up (the upload's answer comes only at the end). */
async function runningImportOnB(): Promise<number | undefined> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { body } = await send(`${b.url}/movies/import?state=running`, 'GET', adminB);
    const found = (body.imports as { id: number }[] | undefined)?.[0];
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** Polls B for the import until `done` holds (or 30 s pass); every count seen while running goes to `seen`. */
async function watchOnB(id: number, seen: number[], done: (job: ImportView) => boolean): Promise<ImportView | undefined> {
  const deadline = Date.now() + 30_000;
  let job = (await importAt(b.url, id)).job;
  while (job && !done(job) && Date.now() < deadline) {
    if (job.state === 'running') seen.push(job.report.received);
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = (await importAt(b.url, id)).job;
  }
  if (job?.state === 'running') seen.push(job.report.received);
  return job;
}

t.test('an import running on A shows its progress on B', async (t) => {
  const tag = unique('Bulk');
  // The client holds the upload open and sends more only once B has seen the last batches, so
  // B provably sees the import part-way, whatever the machine's speed.
  const { upload, answer } = heldUpload(a.url, adminA);
  upload.write(rowsOf(tag, 0, 1_500));
  const bigId = await runningImportOnB();
  t.ok(bigId, `B lists the import running on A (id ${bigId})`);
  if (!bigId) return void upload.destroy();

  const seen: number[] = [];
  await watchOnB(bigId, seen, (job) => job.report.received >= 1_000);
  upload.write(rowsOf(tag, 1_500, 3_500));
  await watchOnB(bigId, seen, (job) => job.report.received >= 3_000);
  upload.end(rowsOf(tag, 3_500, ROWS));
  const last = await watchOnB(bigId, seen, (job) => job.state !== 'running');
  t.equal(await answer, 200, 'A answers the finished import');
  t.ok(seen.length >= 2, `B saw the import running ${seen.length} times`);
  t.ok(
    seen.some((count, i) => i > 0 && count > seen[i - 1]!),
    'with growing counts',
  );
  t.ok(
    seen.every((count, i) => i === 0 || count >= seen[i - 1]!),
    'that never go back',
  );
  t.ok(
    seen.some((count) => count > 0 && count < ROWS),
    'including counts part-way through',
  );
  t.match(last, { state: 'succeeded', report: { received: ROWS, inserted: ROWS, failed: 0 } }, 'B shows it succeeded');
  const lastRow = await send(`${b.url}/movies?q=${encodeURIComponent(`${tag} ${ROWS - 1}`)}`, 'GET', adminB);
  // The exact title ranks first; titles one digit away follow as typo matches (search, DESIGN §3).
  t.equal((lastRow.body.movies as { title: string }[])[0]?.title, `${tag} ${ROWS - 1}`, 'and B lists its last row');
});
