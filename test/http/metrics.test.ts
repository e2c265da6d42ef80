import t from 'tap';
import { buildTestApp } from '../support/http.ts';
import { importRaw, ndjson } from './import-support.ts';

t.test('GET /metrics: latency per route pattern and status, pool use, import counts', async (t) => {
  const pool = { total: 4, idle: 3, waiting: 1 };
  const { app } = await buildTestApp({ poolStats: () => pool });
  t.teardown(() => app.close());
  for (const id of [1, 2, 3]) await app.inject({ method: 'GET', url: `/movies/${id}` });
  await app.inject({ method: 'GET', url: '/health/live' });
  app.metrics.imports.record('atomic', 'completed', { inserted: 240, updated: 8, failed: 0 });

  const response = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^text\/plain/);
  const text = response.body;
  t.match(
    text,
    /marquee_http_request_duration_seconds_count\{method="GET",route="\/movies\/:id",status_code="404"\} 3/,
    'one series for the pattern, not one per id',
  );
  t.notMatch(text, /route="\/movies\/1"/, 'no raw URLs');
  t.match(text, /marquee_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} 1/);
  t.match(text, /marquee_db_pool_connections\{state="waiting"\} 1/);
  t.match(text, /marquee_db_pool_connections\{state="total"\} 4/);
  t.match(text, /marquee_imports_total\{mode="atomic",outcome="completed"\} 1/);
  t.match(text, /marquee_import_rows_total\{result="inserted"\} 240/);
  t.match(text, /marquee_process_resident_memory_bytes/, 'process defaults');
});

t.test('the import route counts finished imports by mode and outcome, and the rows of those that stand', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const heat = { title: 'Heat', director: 'Michael Mann' };
  t.equal((await importRaw(app, ndjson([heat, { title: 'Thief' }]), 'application/x-ndjson')).statusCode, 200);
  t.equal((await importRaw(app, ndjson([heat, { title: 'x'.repeat(201) }]), 'application/x-ndjson', '?mode=partial')).statusCode, 200);
  t.equal((await importRaw(app, ndjson([{ title: '' }]), 'application/x-ndjson')).statusCode, 422);
  t.equal((await importRaw(app, ndjson([{ title: 'Alien' }]), 'application/x-ndjson', '?dry_run=true')).statusCode, 200);
  t.equal((await importRaw(app, '{"title": ', 'application/x-ndjson')).statusCode, 400);
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  t.match(text, /marquee_imports_total\{mode="atomic",outcome="completed"\} 1\n/);
  t.match(text, /marquee_imports_total\{mode="partial",outcome="completed"\} 1\n/);
  t.match(text, /marquee_imports_total\{mode="atomic",outcome="rejected"\} 1\n/);
  t.match(text, /marquee_imports_total\{mode="dry_run",outcome="completed"\} 1\n/);
  t.match(text, /marquee_imports_total\{mode="atomic",outcome="failed"\} 1\n/, 'the broken file');
  t.match(text, /marquee_import_rows_total\{result="inserted"\} 2\n/, 'the dry run stored nothing');
  t.match(text, /marquee_import_rows_total\{result="unchanged"\} 1\n/);
  t.match(text, /marquee_import_rows_total\{result="failed"\} 1\n/, "the partial import's bad row; not the rejected import's");
});

t.test('every error body and every response carries the request id', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const given = await app.inject({ method: 'GET', url: '/movies/999', headers: { 'x-request-id': 'trace-42' } });
  t.equal(given.statusCode, 404);
  t.equal(given.headers['x-request-id'], 'trace-42');
  t.match(given.json(), { success: false, code: 'MOVIE_NOT_FOUND', request_id: 'trace-42' }, '4xx from a use case');
  const invalid = await app.inject({ method: 'GET', url: '/movies?limit=500' });
  t.equal(invalid.statusCode, 400);
  t.equal(invalid.json().request_id, invalid.headers['x-request-id'], '400 from validation');
  const unknown = await app.inject({ method: 'GET', url: '/nowhere' });
  t.equal(unknown.json().request_id, unknown.headers['x-request-id'], '404 for an unknown route');
  const ok = await app.inject({ method: 'GET', url: '/health/live' });
  t.equal(ok.json().request_id, undefined, 'success bodies unchanged');
  t.ok(ok.headers['x-request-id']);
});

t.test('/health/ready is a 503 with Retry-After while the database does not answer', async (t) => {
  const { app } = await buildTestApp({ isReady: async () => false });
  t.teardown(() => app.close());
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  t.equal(response.statusCode, 503);
  t.equal(response.headers['retry-after'], '5');
  t.match(response.json(), { success: false, code: 'NOT_READY', request_id: response.headers['x-request-id'] });
});
