import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { startChildServer } from '../support/server.ts';
import { serverDatabase } from './postgres.ts';

/*
 * The running server (PGlite, or PostgreSQL when the run has DATABASE_URL) with REQUEST_TIMEOUT_MS
 * of 1 s and IMPORT_IDLE_TIMEOUT_MS of 700 ms: an upload that keeps sending outlasts the request
 * timeout and is stored; one that stops sending is a 408 and leaves nothing.
 */

const database = await serverDatabase('e2e_import_idle');
const env = { ...database.env, REQUEST_TIMEOUT_MS: '1000', IMPORT_IDLE_TIMEOUT_MS: '700', ...E2E_ADMIN };
const server = await startChildServer(env);
t.teardown(async () => {
  await server.stop();
  await database.drop();
});
const headers = await bearerFor(server.url);
const row = (i: number) => `${JSON.stringify({ title: `Trickle ${i}`, director: 'D', release_date: '2001-01-01' })}\n`;

/** Sends `rows` one every `gapMs`, then ends the upload unless `stall`; resolves with the answer. */
async function trickle(rows: number, gapMs: number, stall = false) {
  const url = new URL('/movies/import', server.url);
  const req = request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' } });
  req.on('error', () => undefined);
  const answer = new Promise<{ status: number; body: Record<string, unknown> }>((resolve) =>
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    }),
  );
  for (let i = 0; i < rows; i++) {
    req.write(row(i));
    await sleep(gapMs);
  }
  if (!stall) req.end();
  return answer;
}

const total = async () => ((await (await fetch(`${server.url}/movies?limit=1`, { headers })).json()) as { total: number }).total;

t.test('a stalled upload is a 408 and leaves nothing', async (t) => {
  const answer = await trickle(3, 100, true);
  t.equal(answer.status, 408);
  t.match(answer.body, { success: false, error: 408, code: 'IMPORT_STALLED' });
  t.equal(await total(), 0);
});

t.test('an upload that keeps sending outlasts REQUEST_TIMEOUT_MS and is stored', async (t) => {
  const started = Date.now();
  const answer = await trickle(10, 300);
  t.ok(Date.now() - started > 2500, `took ${Date.now() - started} ms, over the 1,000 ms request timeout`);
  t.equal(answer.status, 200);
  t.match(answer.body, { success: true, import: { state: 'succeeded', report: { received: 10, inserted: 10 } } });
  t.equal(await total(), 10);
});
