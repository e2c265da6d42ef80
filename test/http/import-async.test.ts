import { request, type IncomingMessage } from 'node:http';
import t, { type Test } from 'tap';
import { buildTestApp } from '../support/http.ts';
import { movieCount, ndjson } from './import-support.ts';

/* Prefer: respond-async over a real socket: the 202 comes while the upload is still being sent. */
const row = (title: string) => ndjson([{ title, director: 'D', release_date: '2001-01-01' }]);

async function listening(t: Test) {
  const test = await buildTestApp();
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => test.app.close());
  return { ...test, port: (test.app.server.address() as { port: number }).port };
}

function asyncUpload(port: number) {
  const req = request({
    port,
    method: 'POST',
    path: '/movies/import',
    headers: { 'content-type': 'application/x-ndjson', prefer: 'respond-async, wait=5' },
  });
  req.on('error', () => undefined);
  const answer = new Promise<{ res: IncomingMessage; body: Record<string, unknown> }>((resolve) =>
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ res, body: JSON.parse(text) as Record<string, unknown> }));
    }),
  );
  return { req, answer };
}

t.test('Prefer: respond-async answers 202 with Location at once, and the upload goes on after it', async (t) => {
  const { app, port } = await listening(t);
  const { req, answer } = asyncUpload(port);
  req.write(row('One'));
  const { res, body } = await answer;
  t.equal(res.statusCode, 202, 'answered before the upload ended');
  t.equal(res.headers['preference-applied'], 'respond-async');
  t.match(body, { success: true, import: { state: 'running' } });
  const location = res.headers.location ?? '';
  t.match(location, /^\/movies\/import\/\d+$/);
  req.write(row('Two'));
  req.end(row('Three'));
  const job = (await app.inject(`${location}?wait=10`)).json().import;
  t.match(job, { state: 'succeeded', report: { received: 3, inserted: 3 } });
  t.equal(await movieCount(app), 3);
});

t.test('a respond-async import that fails is rolled back and its job says why', async (t) => {
  const { app, port } = await listening(t);
  const { req, answer } = asyncUpload(port);
  req.write(row('One'));
  const { res } = await answer;
  t.equal(res.statusCode, 202);
  req.write('{"title": broken\n');
  const job = (await app.inject(`${res.headers.location}?wait=10`)).json().import;
  t.match(job, { state: 'failed', failure: { code: 'IMPORT_MALFORMED' } });
  t.equal(await movieCount(app), 0);
  req.destroy();
});
