import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { POSTGRES_ADMIN_URL } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';
import { startChildServer, type ChildServer } from '../support/server.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { freshPostgresDatabase } from './postgres.ts';

/*
 * Database faults made real: the server talks to PostgreSQL through a TCP proxy this test
 * cuts, stalls and restores. The shared PostgreSQL itself is never touched.
 */

const RECOVERY_MS = 10_000;

/**
 * One server for the file (a server start costs more than all the checks): started while its
 * database is cut off, which the first test needs; each later test restores the database and
 * waits until the server is ready before it makes its own fault.
 */
let shared: Promise<{ proxy: TcpProxy; server: ChildServer }> | undefined;
const serverBehindProxy = () => (shared ??= startBehindCutProxy());

async function startBehindCutProxy(): Promise<{ proxy: TcpProxy; server: ChildServer }> {
  const database = await freshPostgresDatabase(POSTGRES_ADMIN_URL, 'faults');
  const proxy = await startTcpProxy(undefined, 'cut');
  // A short request timeout gives short database timeouts (half of it per statement).
  const env = { DATABASE_URL: proxy.urlFor(database.url), REQUEST_TIMEOUT_MS: '6000', DATA_DIR: '/tmp', JWT_SECRET: 's'.repeat(40) };
  const server = await startChildServer({ ...env, ...E2E_ADMIN });
  t.teardown(async () => {
    await server.stop('SIGKILL');
    await proxy.close();
    await database.drop();
  });
  return { proxy, server };
}

/** The shared server with its database reachable and the server ready. */
async function readyServer(): Promise<{ proxy: TcpProxy; server: ChildServer }> {
  const shared = await serverBehindProxy();
  shared.proxy.restore();
  await until200(() => status(`${shared.server.url}/health/ready`));
  return shared;
}

/** The status; the body is read so that no response is left holding its connection. */
const status = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
};

/** Polls until `probe` answers 200; resolves with the milliseconds it took. */
async function until200(probe: () => Promise<number>, withinMs = RECOVERY_MS): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < withinMs) {
    if ((await probe().catch(() => 0)) === 200) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no 200 within ${withinMs} ms`);
}

const login = (url: string) =>
  fetch(`${url}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: E2E_ADMIN.ADMIN_USERNAME, password: E2E_ADMIN.ADMIN_PASSWORD }),
  });

t.test('started while PostgreSQL is unreachable: 503 with Retry-After, then serves with no restart', needsPostgres, async (t) => {
  const { proxy, server } = await serverBehindProxy();
  t.equal(await status(`${server.url}/health/live`), 200, 'live');
  const ready = await fetch(`${server.url}/health/ready`);
  t.equal(ready.status, 503, 'not ready');
  t.equal(ready.headers.get('retry-after'), '5', 'ready says when to retry');
  const refused = await login(server.url);
  t.equal(refused.status, 503, 'a database route answers 503');
  t.ok(Number(refused.headers.get('retry-after')) > 0, 'with Retry-After');
  t.match(await refused.json(), { success: false, error: 503, code: 'DATABASE_UNAVAILABLE' });

  proxy.restore();
  const tookMs = await until200(() => status(`${server.url}/health/ready`));
  t.pass(`ready ${tookMs} ms after the database became reachable`);
  const headers = await bearerFor(server.url);
  t.equal(await status(`${server.url}/movies`, { headers }), 200, 'the catalog answers; the admin was created once the database opened');
  t.equal(server.child.exitCode, null, 'the same process all along');
});

t.test('connections cut during a burst: no crash, only 503s, recovered within 10 s', needsPostgres, async (t) => {
  const { proxy, server } = await readyServer();
  const headers = await bearerFor(server.url);
  const statuses: number[] = [];
  const burst = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => status(`${server.url}/movies?limit=5`, { headers }).then((s) => void statuses.push(s))),
    );
  const during = burst(200);
  setTimeout(() => proxy.cut(), 20);
  await during;
  await burst(50); // all while cut
  t.ok(statuses.includes(503), 'the outage shows as 503');
  t.same(
    [...new Set(statuses)].filter((s) => s !== 200 && s !== 503),
    [],
    'nothing but 200 and 503',
  );
  t.equal(await status(`${server.url}/health/ready`), 503, 'not ready while cut');

  proxy.restore();
  const tookMs = await until200(() => status(`${server.url}/movies?limit=5`, { headers }));
  t.pass(`catalog answered 200 ${tookMs} ms after the database came back`);
  t.equal(server.child.exitCode, null, 'still running');
});

t.test('a stalled database: requests end in 503 within the bounded time, never hang', needsPostgres, async (t) => {
  const { proxy, server } = await readyServer();
  const headers = await bearerFor(server.url);
  t.equal(await status(`${server.url}/movies`, { headers }), 200);
  proxy.stall();
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 30 }, () => status(`${server.url}/movies`, { headers, signal: AbortSignal.timeout(20_000) })),
  );
  const tookMs = Date.now() - started;
  t.same([...new Set(answers)], [503], 'every request ends in 503');
  t.ok(tookMs < 15_000, `all answered in ${tookMs} ms (statement timeout 3 s, connect timeout 3 s)`);
  proxy.restore();
  const recoveredMs = await until200(() => status(`${server.url}/movies`, { headers }));
  t.pass(`200 again ${recoveredMs} ms after the stall ended`);
});
