import t from 'tap';
import { buildTestApp, type TestApp } from '../support/http.ts';
import { importRaw } from './import-support.ts';

type Json = Record<string, unknown>;
const MEDIA = { ndjson: 'application/x-ndjson', csv: 'text/csv', json: 'application/json' };

/** Alien with a shoot window, Heat without. */
async function catalog(): Promise<TestApp> {
  const test = await buildTestApp();
  for (const payload of [
    { title: 'Alien', director: 'Ridley Scott', genres: ['Sci-Fi'], shoot_start: '2027-05-01', shoot_end: '2027-05-31' },
    { title: 'Heat', director: 'Michael Mann', imdb_score: 8.3 },
  ]) {
    const response = await test.app.inject({ method: 'POST', url: '/movies', payload });
    if (response.statusCode !== 201) throw new Error(response.body);
  }
  return test;
}

const ndjsonOf = async (app: TestApp['app']): Promise<Json[]> =>
  (await app.inject('/movies/export?format=ndjson')).body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Json);
/** A file of each format: the two exports, and a JSON array of the NDJSON's records. */
async function files(app: TestApp['app']): Promise<Record<keyof typeof MEDIA, string>> {
  const ndjson = (await app.inject('/movies/export?format=ndjson')).body;
  const csv = (await app.inject('/movies/export?format=csv')).body;
  return { ndjson, csv, json: JSON.stringify(await ndjsonOf(app)) };
}
const withoutStamps = (movies: Json[]) => movies.map(({ created_at: _c, updated_at: _u, ...movie }) => movie);

t.test('both exports carry every field of a movie, the shoot window included', async (t) => {
  const { app } = await catalog();
  t.teardown(() => app.close());
  const [alien, heat] = await ndjsonOf(app);
  t.match(alien, { title: 'Alien', shoot_start: '2027-05-01', shoot_end: '2027-05-31' });
  t.match(heat, { title: 'Heat', shoot_start: null, shoot_end: null });
  const read = (await app.inject(`/movies/${alien!.id}`)).json().movie;
  const { cast: _cast, ...fields } = read;
  t.same(Object.keys(alien!).sort(), Object.keys(fields).sort(), 'NDJSON: the fields of GET /movies/:id without the cast');
  const [header, row] = (await files(app)).csv.split('\r\n');
  t.same(header!.split(',').sort(), Object.keys(fields).sort(), 'CSV: a column for each of them');
  t.match(row, /^1,Alien,,Ridley Scott,Sci-Fi,,,2027-05-01,2027-05-31,/);
});

t.test('export → import reproduces shoot windows in NDJSON, CSV and a JSON array; again, nothing changes', async (t) => {
  const source = await catalog();
  t.teardown(() => source.app.close());
  const original = withoutStamps(await ndjsonOf(source.app));
  for (const [format, file] of Object.entries(await files(source.app)) as [keyof typeof MEDIA, string][]) {
    const again = (await importRaw(source.app, file, MEDIA[format])).json().import.report;
    t.match(again, { received: 2, unchanged: 2, failed: 0 }, `${format}: into the same catalog, unchanged`);
    const target = await buildTestApp();
    t.match((await importRaw(target.app, file, MEDIA[format])).json().import.report, { inserted: 2, failed: 0 });
    t.same(withoutStamps(await ndjsonOf(target.app)), original, `${format}: the same movies, windows and all`);
    await target.app.close();
  }
});

t.test('a row without a shoot window keeps the stored one; a row with one sets it', async (t) => {
  const { app } = await catalog();
  t.teardown(() => app.close());
  const imdb = [{ name: 'Alien', director: 'Ridley Scott', genre: 'Sci-Fi', imdb_score: 8.5 }];
  t.match((await importRaw(app, JSON.stringify(imdb), MEDIA.json)).json().import.report, { updated: 1 });
  const csv = 'title,director,genres,imdb_score,shoot_start,shoot_end\r\nAlien,Ridley Scott,Sci-Fi,8.6,,\r\n';
  t.match((await importRaw(app, csv, MEDIA.csv)).json().import.report, { updated: 1 }, 'empty cells are not given');
  const [alien] = await ndjsonOf(app);
  t.match(alien, { imdb_score: 8.6, shoot_start: '2027-05-01', shoot_end: '2027-05-31', version: 3 }, 'the window is kept');
  const moved = [
    { title: 'Alien', director: 'Ridley Scott', genres: ['Sci-Fi'], imdb_score: 8.6, shoot_start: '2027-07-01', shoot_end: '2027-08-15' },
  ];
  t.match((await importRaw(app, JSON.stringify(moved), MEDIA.json)).json().import.report, { updated: 1 });
  t.match((await ndjsonOf(app))[0], { shoot_start: '2027-07-01', shoot_end: '2027-08-15' });
  const bad = [{ title: 'Alien', director: 'Ridley Scott', shoot_start: '2027-09-01', shoot_end: '2027-08-01' }];
  const refused = await importRaw(app, JSON.stringify(bad), MEDIA.json);
  t.match(refused.json(), { import: { report: { failed: 1, errors: [{ row: 1, path: '/shoot_end' }] } } });
});
