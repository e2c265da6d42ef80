import { Readable } from 'node:stream';
import t from 'tap';
import { buildAuthApp } from '../support/auth.ts';
import { buildTestApp } from '../support/http.ts';
import { importRaw, ndjson } from './import-support.ts';

const NDJSON = 'application/x-ndjson';

t.test('GET /movies/import: imports newest first, paged, filtered by state', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const ok = (await importRaw(app, ndjson([{ title: 'Heat' }]), NDJSON)).json().import.id as number;
  const rejected = (await importRaw(app, ndjson([{ title: '' }]), NDJSON)).json().import.id as number;
  const dry = (await importRaw(app, ndjson([{ title: 'Alien' }]), NDJSON, '?dry_run=true')).json().import.id as number;

  const all = await app.inject('/movies/import');
  t.equal(all.statusCode, 200);
  t.match(all.json(), { success: true, page: 1, limit: 20, total: 3, total_pages: 1 });
  t.same(
    all.json().imports.map((job: { id: number }) => job.id),
    [dry, rejected, ok],
  );
  t.match(all.json().imports[1], { state: 'failed', failure: { code: 'IMPORT_REJECTED' }, report: { failed: 1 } });

  const failed = (await app.inject('/movies/import?state=failed')).json();
  t.same(
    failed.imports.map((job: { id: number }) => job.id),
    [rejected],
  );
  const paged = await app.inject('/movies/import?state=succeeded&limit=1');
  t.match(paged.json(), { total: 2, total_pages: 2, imports: [{ id: dry, dry_run: true }] });
  t.match(paged.headers.link, /<\/movies\/import\?state=succeeded&limit=1&page=2>; rel="next"/);
});

t.test('GET /movies/import: bad query parameters are a 400 that changes nothing', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  for (const query of ['state=done', 'limit=101', 'page=0', 'sort=id.asc', 'mode=atomic']) {
    const response = await app.inject(`/movies/import?${query}`);
    t.equal(response.statusCode, 400, query);
    t.match(response.json(), { success: false, error: 400, code: 'INVALID_REQUEST' });
  }
});

t.test('a running import is listed as running while its upload streams in', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const upload = new Readable({ read() {} });
  upload.push(ndjson([{ title: 'First' }, { title: 'Second' }]));
  const answer = app.inject({ method: 'POST', url: '/movies/import', payload: upload, headers: { 'content-type': NDJSON } });
  let running: { id: number; state: string }[] = [];
  for (let tries = 0; running.length === 0 && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    running = (await app.inject('/movies/import?state=running')).json().imports;
  }
  t.match(running, [{ state: 'running', finished_at: null }], 'found while it runs');
  upload.push(null);
  const done = (await answer).json().import;
  t.equal(done.id, running[0]?.id, 'the same import');
  t.same((await app.inject('/movies/import?state=running')).json().imports, [], 'and no longer running once answered');
});

t.test('GET /movies/import needs import:movies', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  t.equal((await auth.app.inject('/movies/import')).statusCode, 401);
  for (const role of ['casting_assistant', 'casting_director'] as const) {
    const { headers } = await auth.as(role);
    t.equal((await auth.app.inject({ url: '/movies/import', headers })).statusCode, 403, role);
  }
  const { headers } = await auth.as('executive_producer');
  t.equal((await auth.app.inject({ url: '/movies/import', headers })).statusCode, 200);
});
