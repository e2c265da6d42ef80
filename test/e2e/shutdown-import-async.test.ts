import { request } from 'node:http';
import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { startChildServer, type ChildServer } from '../support/server.ts';
import { serverDatabase } from './postgres.ts';

/*
 * SIGTERM while a `Prefer: respond-async` import still reads its upload (the client has its 202
 * and holds the rest back), on the real server (PGlite, or PostgreSQL when the run has
 * DATABASE_URL). Nobody waits for this import's answer any more, so its job must say how it
 * ended: rolled back and failed, not left 'running' until it reads as abandoned.
 */

const database = await serverDatabase('shutdown_import_async');
const env = { ...database.env, SHUTDOWN_TIMEOUT_MS: '5000', ...E2E_ADMIN };
const servers: ChildServer[] = [];
t.teardown(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  await database.drop();
});

async function start() {
  const server = await startChildServer(env);
  servers.push(server);
  return { server, headers: await bearerFor(server.url) };
}

const rows = (count: number) =>
  Array.from({ length: count }, (_, i) => `${JSON.stringify({ title: `Async held ${i}`, director: 'Grace' })}\n`).join('');

/** Sends part of an upload with respond-async; resolves with the 202's Location, the rest held back. */
function asyncUpload(url: string, headers: Record<string, string>) {
  const upload = request(`${url}/movies/import`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-ndjson', prefer: 'respond-async' },
  });
  upload.on('error', () => undefined); // the server cuts the connection when the import ends
  const accepted = new Promise<{ status: number; location: string }>((resolve) =>
    upload.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? '' });
    }),
  );
  upload.write(rows(2500)); // two batches written inside the import's transaction
  return { upload, accepted };
}

const movieTotal = async (url: string, headers: Record<string, string>) =>
  ((await (await fetch(`${url}/movies?limit=1`, { headers })).json()) as { total: number }).total;

t.test('SIGTERM during a respond-async import: exit 0, nothing stored, the job failed IMPORT_INTERRUPTED', async (t) => {
  const { server, headers } = await start();
  const { upload, accepted } = asyncUpload(server.url, headers);
  const { status, location } = await accepted;
  t.equal(status, 202);
  if (database.env.DATABASE_URL) {
    // PostgreSQL shows progress while the import runs (PGlite's one connection is the import's until it ends).
    let job = { state: 'running', report: { received: 0 } };
    while (job.report.received < 2000)
      job = ((await (await fetch(`${server.url}${location}`, { headers })).json()) as { import: typeof job }).import;
    t.equal(job.state, 'running', 'the import is storing rows when the signal comes');
  }

  t.equal(await server.stop('SIGTERM'), 0, 'the process exits 0 within its grace');
  upload.destroy();

  const again = await start();
  t.equal(await movieTotal(again.server.url, again.headers), 0, 'the catalog is as before');
  const after = await fetch(`${again.server.url}${location}`, { headers: again.headers });
  t.match(await after.json(), { import: { state: 'failed', failure: { code: 'IMPORT_INTERRUPTED' } } }, 'the job says how it ended');
});
