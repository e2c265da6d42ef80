import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { POSTGRES_ADMIN_URL } from '../support/databases.ts';
import { needsPostgres } from '../support/services.ts';
import { startChildServer } from '../support/server.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { freshPostgresDatabase } from './postgres.ts';

/*
 * SIGTERM while a request is in flight. The request is held in the database by stalling the
 * TCP proxy in front of PostgreSQL, so it is provably still running when the signal arrives.
 */

t.test('SIGTERM: the request in flight completes with 200, new ones are refused, exit 0', needsPostgres, async (t) => {
  const database = await freshPostgresDatabase(POSTGRES_ADMIN_URL, 'shutdown');
  const proxy = await startTcpProxy();
  const env = { DATABASE_URL: proxy.urlFor(database.url), DATA_DIR: '/tmp', JWT_SECRET: 's'.repeat(40), REQUEST_TIMEOUT_MS: '20000' };
  const server = await startChildServer({ ...env, ...E2E_ADMIN });
  t.teardown(async () => {
    await server.stop('SIGKILL');
    await proxy.close();
    await database.drop();
  });
  const headers = await bearerFor(server.url);

  proxy.stall();
  const inFlight = fetch(`${server.url}/movies`, { headers }).then(async (r) => ({ status: r.status, body: (await r.json()) as object }));
  await new Promise((resolve) => setTimeout(resolve, 300)); // the request has reached the database
  const exit = server.stop('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300)); // the server is closing
  const late = await fetch(`${server.url}/health/live`).then(
    (r) => r.status,
    () => 'refused',
  );
  t.ok(late === 'refused' || late === 503, `a request after SIGTERM is not served (${late})`);
  t.equal(server.child.exitCode, null, 'still waiting for the request in flight');

  proxy.restore();
  const answer = await inFlight;
  t.equal(answer.status, 200, 'the request in flight completed');
  t.match(answer.body, { success: true, movies: [] });
  t.equal(await exit, 0, 'then the process exits 0, pool closed');
  t.match(server.output(), /SIGTERM received/);
});
