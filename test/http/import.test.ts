import { Readable } from 'node:stream';
import t from 'tap';
import { buildAuthApp } from '../support/auth.ts';
import { buildTestApp } from '../support/http.ts';
import { imdbText, importParts, importRaw, movieCount, ndjson } from './import-support.ts';

const good = (title: string, extra: Record<string, unknown> = {}) => ({ title, director: 'Someone', imdb_score: 7, ...extra });

t.test('the IMDb data set imports whole as a multipart file; a second import changes nothing', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const first = await importParts(app, [{ filename: 'imdb.json', content: imdbText() }]);
  t.equal(first.statusCode, 200, first.body);
  const job = first.json().import;
  t.match(job, {
    state: 'succeeded',
    mode: 'atomic',
    dry_run: false,
    report: { received: 248, inserted: 248, updated: 0, unchanged: 0, failed: 0, errors: [] },
  });
  t.equal(first.headers.location, `/movies/import/${job.id}`);
  t.equal(await movieCount(app), 248);
  const genres = (await app.inject('/genres')).json().genres as { name: string }[];
  t.equal(genres.length, 28, '28 genres');
  t.ok(
    genres.every((g) => g.name === g.name.trim()),
    'genre names are trimmed',
  );
  const batmans = (await app.inject('/movies?q=batman&limit=100')).json().movies as { title: string; director: string }[];
  t.same(
    batmans
      .filter((m) => m.title === 'Batman')
      .map((m) => m.director)
      .sort(),
    ['Oscar Rudolph', 'Tim Burton'],
  );

  const again = await importParts(app, [{ filename: 'imdb.json', content: imdbText() }]);
  t.match(again.json().import.report, { received: 248, inserted: 0, updated: 0, unchanged: 248, failed: 0 });
  t.equal(await movieCount(app), 248);
  const shown = await app.inject(`/movies/import/${job.id}`);
  t.match(shown.json(), { success: true, import: { id: job.id, state: 'succeeded', report: { inserted: 248 } } });
});

t.test('raw bodies: JSON array, NDJSON and CSV, also through the /upload alias', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const json = await importRaw(app, JSON.stringify([good('A')]), 'application/json');
  t.match(json.json().import.report, { inserted: 1 });
  const lines = await importRaw(app, ndjson([good('B'), good('C')]), 'application/x-ndjson', '', {}, '/upload');
  t.match(lines.json().import.report, { inserted: 2 });
  const csv = await importRaw(app, 'title,director,genres,imdb_score\nD,Someone,Drama|Crime,6.5\n', 'text/csv');
  t.match(csv.json().import.report, { inserted: 1 });
  const d = (await app.inject('/movies?q=D&director=someone')).json().movies[0];
  t.match(d, { title: 'D', genres: ['Drama', 'Crime'], imdb_score: 6.5 });
  t.equal(await movieCount(app), 4);
});

t.test('atomic (default) stores nothing and answers 422 with the report when a row is invalid', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const body = ndjson([good('A'), good('B', { imdb_score: 11 }), { title: 'C', colour: 'red' }]);
  const rejected = await importRaw(app, body, 'application/x-ndjson');
  t.equal(rejected.statusCode, 422);
  t.match(rejected.json(), {
    success: false,
    error: 422,
    code: 'IMPORT_REJECTED',
    import: {
      state: 'failed',
      report: {
        received: 3,
        failed: 2,
        errors: [
          { row: 2, path: '/imdb_score' },
          { row: 3, path: '/colour' },
        ],
      },
    },
  });
  t.equal(await movieCount(app), 0, 'nothing stored');
  const id = rejected.json().import.id;
  t.match((await app.inject(`/movies/import/${id}`)).json().import, { state: 'failed', failure: { code: 'IMPORT_REJECTED' } });
});

t.test('partial stores the valid rows and reports the others; dry_run stores nothing', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const body = ndjson([good('A'), good('B', { imdb_score: 11 }), good('C')]);
  const dry = await importRaw(app, body, 'application/x-ndjson', '?mode=partial&dry_run=true');
  t.equal(dry.statusCode, 200);
  t.match(dry.json().import, { dry_run: true, mode: 'partial', report: { received: 3, inserted: 2, failed: 1 } });
  t.equal(await movieCount(app), 0, 'a dry run stores nothing');
  const partial = await importRaw(app, body, 'application/x-ndjson', '?mode=partial');
  t.match(partial.json().import.report, { received: 3, inserted: 2, failed: 1, errors: [{ row: 2, path: '/imdb_score' }] });
  t.equal(await movieCount(app), 2);
  const update = await importRaw(app, ndjson([good('A', { imdb_score: 8 }), good('C')]), 'application/x-ndjson');
  t.match(update.json().import.report, { updated: 1, unchanged: 1, inserted: 0 });
  const atomicDry = await importRaw(app, ndjson([good('Z', { imdb_score: -1 })]), 'application/x-ndjson', '?dry_run=true');
  t.equal(atomicDry.statusCode, 422, 'an atomic dry run with invalid rows is a 422 too');
});

t.test('bad files are refused and leave no row behind', async (t) => {
  const { app } = await buildTestApp({ importLimits: { maxBytes: 2000, maxRows: 3 } });
  t.teardown(() => app.close());
  const cases: [string, () => ReturnType<typeof importRaw>, number, string][] = [
    [
      'over IMPORT_MAX_BYTES',
      () => importRaw(app, ndjson(Array.from({ length: 3 }, (_, i) => good(`${'x'.repeat(900)}${i}`))), 'application/x-ndjson'),
      413,
      'IMPORT_TOO_LARGE',
    ],
    [
      'over IMPORT_MAX_ROWS',
      () => importRaw(app, ndjson([good('A'), good('B'), good('C'), good('D')]), 'application/x-ndjson'),
      413,
      'IMPORT_TOO_MANY_ROWS',
    ],
    [
      'multipart over IMPORT_MAX_BYTES',
      () =>
        importParts(app, [{ filename: 'm.ndjson', content: ndjson(Array.from({ length: 3 }, (_, i) => good(`${'y'.repeat(900)}${i}`))) }]),
      413,
      'IMPORT_TOO_LARGE',
    ],
    ['unknown file type', () => importParts(app, [{ filename: 'movies.xlsx', content: 'PK' }]), 415, 'IMPORT_FORMAT_UNKNOWN'],
    [
      'bytes that are no text',
      () => importParts(app, [{ filename: 'm.csv', content: Buffer.from([0x74, 0x69, 0x0a, 0xff, 0xfe, 0x00]) }]),
      415,
      'IMPORT_NOT_TEXT',
    ],
    ['a raw body of another type', () => importRaw(app, 'title\nA\n', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['broken JSON', () => importRaw(app, '[{"title": "A"},\n {"title": "B",}]', 'application/json'), 400, 'IMPORT_MALFORMED'],
    [
      'two files',
      () =>
        importParts(app, [
          { filename: 'a.ndjson', content: ndjson([good('A')]) },
          { filename: 'b.ndjson', content: ndjson([good('B')]) },
        ]),
      400,
      'IMPORT_TOO_MANY_FILES',
    ],
    [
      'a form field beside the file',
      () =>
        importParts(app, [
          { filename: 'a.ndjson', content: ndjson([good('A')]) },
          { name: 'note', field: true, content: 'x' },
        ]),
      400,
      'IMPORT_TOO_MANY_FILES',
    ],
    ['no file, only a field', () => importParts(app, [{ name: 'note', field: true, content: 'x' }]), 400, 'IMPORT_TOO_MANY_FILES'],
    [
      'the file in another field',
      () => importParts(app, [{ name: 'upload', filename: 'a.ndjson', content: ndjson([good('A')]) }]),
      400,
      'IMPORT_TOO_MANY_FILES',
    ],
    ['no body at all', () => app.inject({ method: 'POST', url: '/movies/import' }), 400, 'IMPORT_NO_FILE'],
    ['an unknown mode', () => importRaw(app, ndjson([good('A')]), 'application/x-ndjson', '?mode=some'), 400, 'INVALID_REQUEST'],
  ];
  for (const [name, send, status, code] of cases) {
    const response = await send();
    t.equal(response.statusCode, status, `${name} → ${status}: ${response.body}`);
    t.equal(response.json().code, code, name);
  }
  const broken = await importRaw(app, '[{"title": "A"},\n {"title": "B",}]', 'application/json');
  t.match(broken.json().message, /line 2, column \d+/, 'broken JSON names where');
  t.equal(await movieCount(app), 0, 'no bad file left a row');
});

t.test('two imports at once both finish, each with its own counts', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const a = Array.from({ length: 500 }, (_, i) => good(`A${i}`));
  const b = Array.from({ length: 500 }, (_, i) => good(i < 250 ? `A${i}` : `B${i}`));
  const [first, second] = await Promise.all([
    importRaw(app, ndjson(a), 'application/x-ndjson'),
    importRaw(app, ndjson(b), 'application/x-ndjson'),
  ]);
  t.equal(first.statusCode, 200);
  t.equal(second.statusCode, 200);
  const reports = [first.json().import.report, second.json().import.report];
  t.equal(reports[0].inserted + reports[1].inserted, 750, 'every distinct movie inserted once');
  t.equal(reports[0].unchanged + reports[1].unchanged, 250, 'the overlap is found by whichever ran second');
  t.equal(await movieCount(app), 750);
});

t.test('GET /movies/import/:id: 404 for an unknown import, 400 for a bad id', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  t.equal((await app.inject('/movies/import/999')).statusCode, 404);
  t.equal((await app.inject('/movies/import/abc')).statusCode, 400);
});

t.test('a client that disconnects mid-upload leaves nothing and the job failed', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const body = new Readable({ read() {} });
  body.push(ndjson(Array.from({ length: 1500 }, (_, i) => good(`M${i}`))));
  setTimeout(() => body.destroy(new Error('client went away')), 50);
  const response = await app
    .inject({ method: 'POST', url: '/movies/import', payload: body, headers: { 'content-type': 'application/x-ndjson' } })
    .catch((e: Error) => e);
  t.ok(response instanceof Error || response.statusCode >= 400, 'the import did not succeed');
  // inject gives up on the request at once; the import ends on its own a moment later.
  const job = async () => (await app.inject('/movies/import/1')).json().import as { state: string };
  for (let tries = 0; (await job()).state === 'running' && tries < 100; tries++) await new Promise((r) => setTimeout(r, 10));
  t.match(await job(), { state: 'failed' });
  t.equal(await movieCount(app), 0, 'the rows already read were rolled back');
});

t.test('permission import:movies is checked before the body is read', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const producer = (await auth.as('executive_producer')).headers;
  const director = (await auth.as('casting_director')).headers;
  // A body that never ends: an answer proves the check did not wait for it.
  const endless = () =>
    new Readable({
      read() {
        this.push(`${JSON.stringify(good('Sneaky'))}\n`);
      },
    });
  const send = (headers: Record<string, string>, url: string) =>
    auth.app.inject({ method: 'POST', url, payload: endless(), headers: { 'content-type': 'application/x-ndjson', ...headers } });
  for (const url of ['/movies/import', '/upload']) {
    const anonymous = await send({}, url);
    t.equal(anonymous.statusCode, 401, `anonymous ${url}`);
    t.equal(anonymous.headers['www-authenticate'], 'Bearer');
    t.equal((await send(director, url)).statusCode, 403, `casting_director ${url}`);
  }
  t.equal((await auth.app.inject({ url: '/movies/import/1', headers: director })).statusCode, 403, 'progress needs the permission too');
  t.equal(await movieCount(auth.app, producer), 0, 'refused uploads stored nothing');
  const allowed = await importRaw(auth.app, ndjson([good('A')]), 'application/x-ndjson', '', producer);
  t.equal(allowed.statusCode, 200);
  t.equal((await auth.app.inject({ url: `/movies/import/${allowed.json().import.id}`, headers: producer })).statusCode, 200);
});

t.test('the OpenAPI document describes the upload: media types, query, report, errors', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const document = (await app.inject('/docs/json')).json();
  for (const path of ['/movies/import', '/upload']) {
    const operation = document.paths[path].post;
    t.same(Object.keys(operation.requestBody.content).sort(), [
      'application/json',
      'application/x-ndjson',
      'multipart/form-data',
      'text/csv',
    ]);
    t.match(operation.requestBody.content['multipart/form-data'].schema.properties.file, { type: 'string', format: 'binary' });
    t.same(operation.parameters.map((p: { name: string }) => p.name).sort(), ['dry_run', 'mode']);
    t.match(operation.responses['200'].content['application/json'].schema.properties.import.properties.report.properties, {
      received: {},
      inserted: {},
      updated: {},
      unchanged: {},
      failed: {},
      errors: {},
    });
    t.ok(operation.responses['422'].content['application/json'].schema.properties.import, '422 carries the report');
    for (const status of ['400', '401', '403', '413', '415']) t.ok(operation.responses[status], `${path} documents ${status}`);
  }
  t.ok(document.paths['/movies/import/{id}'].get.responses['200']);
  t.same(Object.keys(document.paths['/movies/export'].get.responses['200'].content).sort(), ['application/x-ndjson', 'text/csv']);
});
