import { Readable } from 'node:stream';
import t from 'tap';
import { buildTestApp } from '../support/http.ts';
import { importRaw, ndjson } from './import-support.ts';

const NDJSON = 'application/x-ndjson';
type Job = { id: number; state: string };

t.test('GET /movies/import/:id?wait=N answers when the running import ends', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const upload = new Readable({ read() {} });
  upload.push(ndjson([{ title: 'First' }]));
  const answer = app.inject({ method: 'POST', url: '/movies/import', payload: upload, headers: { 'content-type': NDJSON } });
  let running: Job[] = [];
  for (let tries = 0; running.length === 0 && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    running = (await app.inject('/movies/import?state=running')).json().imports;
  }
  const id = running[0]?.id;
  const started = Date.now();
  const waited = app.inject(`/movies/import/${id}?wait=10`);
  setTimeout(() => upload.push(null), 500);
  const job = (await waited).json().import as Job;
  const tookMs = Date.now() - started;
  t.match(job, { id, state: 'succeeded', report: { inserted: 1 } });
  t.ok(tookMs >= 400 && tookMs < 5000, `answered ${tookMs} ms after asking, ~500 ms after the upload ended (wait 10 s)`);
  t.equal((await answer).statusCode, 200);
});

t.test('GET /movies/import/:id?wait=N: a finished import at once; the wait is up to 30 s', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const id = (await importRaw(app, ndjson([{ title: 'Heat' }]), NDJSON)).json().import.id as number;
  const started = Date.now();
  const done = await app.inject(`/movies/import/${id}?wait=30`);
  t.match(done.json(), { success: true, import: { id, state: 'succeeded' } });
  t.ok(Date.now() - started < 2000, 'not held for the wait');
  for (const query of ['wait=31', 'wait=-1', 'wait=soon', 'timeout=5']) {
    const refused = await app.inject(`/movies/import/${id}?${query}`);
    t.equal(refused.statusCode, 400, query);
    t.match(refused.json(), { success: false, error: 400, code: 'INVALID_REQUEST' });
  }
  t.equal((await app.inject('/movies/import/999?wait=5')).statusCode, 404, 'an unknown import is a 404 at once');
});

t.test('a waiting GET /movies/import/:id is answered at once when the server closes', async (t) => {
  const { app } = await buildTestApp();
  const upload = new Readable({ read() {} });
  upload.push(ndjson([{ title: 'First' }]));
  void app.inject({ method: 'POST', url: '/movies/import', payload: upload, headers: { 'content-type': NDJSON } });
  let running: Job[] = [];
  for (let tries = 0; running.length === 0 && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    running = (await app.inject('/movies/import?state=running')).json().imports;
  }
  const started = Date.now();
  const waited = app.inject(`/movies/import/${running[0]?.id}?wait=30`);
  setTimeout(() => void app.close(), 200);
  t.match((await waited).json(), { success: true, import: { state: 'running' } });
  t.ok(Date.now() - started < 5000, `answered ${Date.now() - started} ms after asking (wait 30 s, closed at 200 ms)`);
  upload.push(null);
});
