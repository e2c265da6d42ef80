import { request } from 'node:http';
import { connect } from 'node:net';
import t from 'tap';
import { movieCount } from './import-support.ts';
import { answerTo, listening, row, upload } from './import-socket.ts';

/*
 * Over a real socket: REQUEST_TIMEOUT_MS (1 s here) cuts other routes, but an import upload runs
 * as long as bytes keep coming; one that sends nothing for IMPORT_IDLE_TIMEOUT_MS (500 ms) is a 408.
 */
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
  const answer = answerTo(req);
  req.write(row(1) + row(2));
  const { status, text } = await answer;
  t.equal(status, 408);
  t.match(JSON.parse(text), { success: false, error: 408, code: 'IMPORT_STALLED', request_id: String });
  t.ok(Date.now() - started < 3000, `answered after ${Date.now() - started} ms (idle limit 500 ms)`);
  t.equal(await movieCount(app), 0, 'the rows already read were rolled back');
  const jobs = (await app.inject({ url: '/movies/import' })).json().imports as { state: string; failure: { code: string } }[];
  t.match(jobs, [{ state: 'failed', failure: { code: 'IMPORT_STALLED' } }]);
});

t.test('a multipart upload that stops sending is a 408 too', async (t) => {
  const { app, port } = await listening(t);
  const boundary = 'stall-boundary';
  const req = request({
    port,
    method: 'POST',
    path: '/movies/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  req.on('error', () => undefined);
  const status = answerTo(req);
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.ndjson"\r\n\r\n${row(1)}${row(2)}`);
  const answer = await status;
  t.equal(answer.status, 408);
  t.match(JSON.parse(answer.text), { code: 'IMPORT_STALLED' });
  t.equal(await movieCount(app), 0);
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
