import { request } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import t, { type Test } from 'tap';
import { buildTestApp } from '../support/http.ts';
import { movieCount, ndjson } from './import-support.ts';

/*
 * Over a real socket: REQUEST_TIMEOUT_MS (1 s here) cuts other routes, but an import upload runs
 * as long as bytes keep coming; one that sends nothing for IMPORT_IDLE_TIMEOUT_MS (500 ms) is a 408.
 */
const row = (i: number) => ndjson([{ title: `Slow ${i}`, director: 'D', release_date: '2001-01-01' }]);

interface Answer {
  status: number;
  body: Record<string, unknown>;
  chunksSent: number;
}

/** POSTs `chunks` one every `gapMs` (chunked encoding unless headers say otherwise); stops sending once answered. */
async function upload(port: number, chunks: string[], gapMs: number, headers: Record<string, string> = {}): Promise<Answer> {
  const req = request({ port, method: 'POST', path: '/movies/import', headers: { 'content-type': 'application/x-ndjson', ...headers } });
  req.on('error', () => undefined); // the server may close while we still write
  req.flushHeaders();
  let answered = false;
  const answer = new Promise<Omit<Answer, 'chunksSent'>>((resolve) =>
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    }),
  );
  let chunksSent = 0;
  for (const chunk of chunks) {
    if (answered) break;
    req.write(chunk);
    chunksSent += 1;
    await sleep(gapMs);
  }
  if (!answered && chunks.length > 0) req.end();
  return { ...(await answer), chunksSent };
}

async function listening(t: Test, importLimits = { maxBytes: 100_000, maxRows: 1000, idleTimeoutMs: 500 }) {
  const test = await buildTestApp({ requestTimeoutMs: 1000, importLimits });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => test.app.close());
  return { ...test, port: (test.app.server.address() as { port: number }).port };
}

t.test('an upload that keeps sending outlasts REQUEST_TIMEOUT_MS and completes', async (t) => {
  const { app, port } = await listening(t);
  const started = Date.now();
  const answer = await upload(
    port,
    Array.from({ length: 8 }, (_, i) => row(i)),
    250,
  );
  t.ok(Date.now() - started > 1500, `took ${Date.now() - started} ms, over the 1,000 ms request timeout`);
  t.equal(answer.status, 200);
  t.match(answer.body, { success: true, import: { state: 'succeeded', report: { received: 8, inserted: 8 } } });
  t.equal(await movieCount(app), 8);
});

t.test('an upload that stops sending is a 408 after the idle time, and nothing is stored', async (t) => {
  const { app, port } = await listening(t);
  const req = request({ port, method: 'POST', path: '/movies/import', headers: { 'content-type': 'application/x-ndjson' } });
  req.on('error', () => undefined);
  const started = Date.now();
  const answer = new Promise<{ status: number; text: string }>((resolve) =>
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    }),
  );
  req.write(row(1) + row(2));
  const { status, text } = await answer;
  t.equal(status, 408);
  t.match(JSON.parse(text), { success: false, error: 408, code: 'IMPORT_STALLED', request_id: String });
  t.ok(Date.now() - started < 3000, `answered after ${Date.now() - started} ms (idle limit 500 ms)`);
  t.equal(await movieCount(app), 0, 'the rows already read were rolled back');
  const jobs = (await app.inject({ url: '/movies/import' })).json().imports as { state: string; failure: { code: string } }[];
  t.match(jobs, [{ state: 'failed', failure: { code: 'IMPORT_STALLED' } }]);
});

t.test('other routes keep REQUEST_TIMEOUT_MS for their body', async (t) => {
  const { app, port } = await listening(t);
  const req = request({ port, method: 'POST', path: '/movies', headers: { 'content-type': 'application/json', 'content-length': '40' } });
  req.on('error', () => undefined);
  const started = Date.now();
  const status = new Promise<number>((resolve) => req.on('response', (res) => resolve(res.statusCode ?? 0)));
  req.write('{"title":');
  t.equal(await status, 408);
  t.ok(Date.now() - started >= 900, `answered after ${Date.now() - started} ms (limit 1,000 ms)`);
  t.equal(await movieCount(app), 0);
});

t.test('headers that stop arriving are still cut by REQUEST_TIMEOUT_MS (Node headersTimeout), on the import route too', async (t) => {
  const { port } = await listening(t);
  const started = Date.now();
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('POST /movies/import HTTP/1.1\r\nHost: x\r\nContent-Ty'));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
  t.match(answer, /^HTTP\/1\.1 408 /);
  t.match(JSON.parse(answer.split('\r\n\r\n')[1] ?? ''), { success: false, error: 408, code: 'REQUEST_TIMEOUT' });
  t.ok(Date.now() - started < 4000, `answered after ${Date.now() - started} ms (limit 1,000 ms)`);
});

t.test('over IMPORT_MAX_BYTES is a 413 with the envelope as soon as the limit is passed', async (t) => {
  const { app, port } = await listening(t, { maxBytes: 2000, maxRows: 1000, idleTimeoutMs: 2000 });
  const chunks = Array.from({ length: 40 }, (_, i) => row(i).padEnd(200, ' '));
  const streamed = await upload(port, chunks, 50);
  t.equal(streamed.status, 413);
  t.match(streamed.body, { success: false, error: 413, code: 'IMPORT_TOO_LARGE', request_id: String });
  t.ok(streamed.chunksSent < 20, `answered after ${streamed.chunksSent} of 40 chunks of 200 bytes (limit 2,000 bytes)`);
  const declared = await upload(port, [], 0, { 'content-length': String(40 * 200) });
  t.equal(declared.status, 413, 'a Content-Length over the limit is refused before the body is read');
  t.match(declared.body, { code: 'IMPORT_TOO_LARGE' });
  t.equal(await movieCount(app), 0);
});
