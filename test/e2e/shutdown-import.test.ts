import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { startChildServer, type ChildServer } from '../support/server.ts';
import { serverDatabase } from './postgres.ts';

/*
 * SIGTERM while an import streams in, on the real server (PGlite, or a fresh PostgreSQL
 * database when the run has DATABASE_URL). The client holds the upload open, so the import is
 * provably running when the signal arrives. Within its grace the import finishes; past it the
 * import rolls back and answers 503. Either way the process exits 0, and a restart on the same
 * database shows the catalog the import left.
 */

// Imports get half of it, the rest is for the rollback. 5 s (2.5 s of grace) was too short for the
// last 500 rows and the commit on PGlite under CI load 10 (503 instead of 200, 2026-12-02).
const SHUTDOWN_TIMEOUT_MS = 10_000;

// One database for both tests, and three server starts, not four: the restart that checks the
// first test's outcome is the server the second test signals (a server start is most of the cost).
const database = await serverDatabase('shutdown_import');
const env = { ...database.env, SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), ...E2E_ADMIN };
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

let running = await start();

const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${JSON.stringify({ title: `Held movie ${from + i}`, director: 'Grace' })}\n`).join('');

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: { import?: { report: Record<string, number> }; code?: string };
}

/** An NDJSON upload the test writes piece by piece; `answer` settles when the server responds. */
function heldUpload(url: string, headers: Record<string, string>): { upload: ClientRequest; answer: Promise<Answer> } {
  const upload = request(`${url}/movies/import`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' } });
  const answer = new Promise<Answer>((resolve, reject) => {
    upload.on('error', reject);
    upload.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) }));
    });
  });
  return { upload, answer };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts every stored movie by walking the list by cursor: totals are exact only up to 1,000. */
async function movieTotal(url: string, headers: Record<string, string>): Promise<number> {
  let count = 0;
  let cursor: string | null = '';
  while (cursor !== null) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await fetch(`${url}/movies?limit=100${query}`, { headers });
    const page = (await response.json()) as { movies: unknown[]; next_cursor: string | null };
    count += page.movies.length;
    cursor = page.next_cursor;
  }
  return count;
}

t.test('an import in flight at SIGTERM finishes within the grace: 200, rows kept, exit 0', async (t) => {
  const { server, headers } = running;
  const { upload, answer } = heldUpload(server.url, headers);
  upload.write(rows(0, 1500)); // past one batch of 1,000: rows are in the open transaction
  await pause(500);
  const exit = server.stop('SIGTERM');
  await pause(300);
  t.equal(server.child.exitCode, null, 'the process waits for the import');
  upload.end(rows(1500, 2000));
  const { status, body } = await answer;
  t.equal(status, 200, 'the import completed');
  t.match(body.import?.report, { received: 2000, inserted: 2000, failed: 0 });
  t.equal(await exit, 0, 'then the process exits 0');

  running = await start();
  t.equal(await movieTotal(running.server.url, running.headers), 2000, 'after a restart every row is there');
});

t.test('an import still running when its grace runs out rolls back: 503, exit 0, nothing stored', async (t) => {
  const { server, headers } = running; // the restarted server of the test before
  const before = await movieTotal(server.url, headers);
  const { upload, answer } = heldUpload(server.url, headers);
  upload.write(rows(10_000, 12_500)); // two batches of new movies written inside the transaction, then the client stalls
  await pause(500);
  const signalledAt = Date.now();
  const exit = server.stop('SIGTERM');
  const { status, headers: answerHeaders, body } = await answer;
  t.equal(status, 503, 'the import is interrupted');
  t.equal(body.code, 'IMPORT_INTERRUPTED');
  t.ok(Number(answerHeaders['retry-after']) > 0, 'with Retry-After');
  // Exit code 0 is the exact check: past SHUTDOWN_TIMEOUT_MS the server exits 1 (main.ts). The
  // time seen from here adds process start-up and exit, seconds on a loaded machine; it only
  // shows the server did not wait for the stalled client.
  t.equal(await exit, 0, 'the process exits 0, within its grace period');
  const tookMs = Date.now() - signalledAt;
  t.ok(tookMs < 2 * SHUTDOWN_TIMEOUT_MS, `without waiting for the stalled client (${tookMs} ms)`);
  upload.destroy();

  const again = await start();
  t.equal(await movieTotal(again.server.url, again.headers), before, 'after a restart the catalog is as before');
  const job = await fetch(`${again.server.url}${answerHeaders.location}`, { headers: again.headers });
  t.match(await job.json(), { import: { state: 'failed', failure: { code: 'IMPORT_INTERRUPTED' } } }, 'the import shows failed');
});
