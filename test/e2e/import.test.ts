import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { imdbJson } from '../support/imdb-fixture.ts';
import { startChildServer } from '../support/server.ts';
import { serverDatabase } from './postgres.ts';

/*
 * Imports through the running server on a real database (PGlite, or a fresh PostgreSQL
 * database when the run has DATABASE_URL): the IMDb data set, its re-import, bad files, two
 * imports at once and the export round trip.
 */

const IMDB = Buffer.from(imdbJson());
const database = await serverDatabase('e2e_import');
const server = await startChildServer({ ...database.env, IMPORT_MAX_BYTES: '200000', IMPORT_MAX_ROWS: '1000', ...E2E_ADMIN });
t.teardown(async () => {
  await server.stop();
  await database.drop();
});
const headers = await bearerFor(server.url);

type Body = RequestInit['body'];

async function post(path: string, body: Body, type: string) {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': type }, body });
  return { status: response.status, body: (await response.json()) as { import: { report: Record<string, number> }; code: string } };
}
const get = async (path: string) => (await fetch(`${server.url}${path}`, { headers })).json() as Promise<Record<string, unknown>>;
const total = async () => (await get('/movies?limit=1')).total;
const file = (name: string, content: string | Buffer, type = 'application/octet-stream') => {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
  return form;
};

t.test('bad files leave no row', async (t) => {
  const rows = Array.from({ length: 1001 }, (_, i) => JSON.stringify({ title: `T${i}` })).join('\n');
  t.equal((await post('/movies/import', rows, 'application/x-ndjson')).status, 413, 'over IMPORT_MAX_ROWS');
  t.equal((await post('/movies/import', 'x'.repeat(200_001), 'text/csv')).status, 413, 'over IMPORT_MAX_BYTES');
  t.equal((await post('/movies/import', '[{"title":"A"},', 'application/json')).status, 400, 'broken JSON');
  const two = file('a.ndjson', '{"title":"A"}\n');
  two.append('file', new Blob(['{"title":"B"}\n']), 'b.ndjson');
  const twoFiles = await fetch(`${server.url}/upload`, { method: 'POST', headers, body: two });
  t.equal(twoFiles.status, 400, 'two files');
  const xlsx = await fetch(`${server.url}/upload`, { method: 'POST', headers, body: file('a.xlsx', 'PK') });
  t.equal(xlsx.status, 415, 'unknown format');
  t.equal(await total(), 0);
});

t.test('the IMDb data set through the running server, twice', async (t) => {
  const first = await fetch(`${server.url}/upload`, { method: 'POST', headers, body: file('imdb.json', IMDB) });
  t.equal(first.status, 200);
  t.match(((await first.json()) as { import: unknown }).import, {
    state: 'succeeded',
    report: { received: 248, inserted: 248, failed: 0 },
  });
  t.equal(((await get('/genres')).genres as unknown[]).length, 28);
  const batmans = (await get('/movies?q=batman&limit=100')).movies as { title: string }[];
  t.equal(batmans.filter((m) => m.title === 'Batman').length, 2, 'both Batmans');
  const again = await post('/movies/import', IMDB, 'application/json');
  t.match(again.body.import.report, { received: 248, inserted: 0, unchanged: 248 });
  t.equal(await total(), 248);
});

t.test('two imports at once, and the export round trip', async (t) => {
  const rows = (prefix: string) =>
    Array.from({ length: 300 }, (_, i) => JSON.stringify({ title: `${prefix} ${i}`, director: 'Twin' })).join('\n');
  const [a, b] = await Promise.all([
    post('/movies/import', rows('A'), 'application/x-ndjson'),
    post('/movies/import', rows('B'), 'application/x-ndjson'),
  ]);
  t.same([a.status, b.status], [200, 200]);
  t.equal(await total(), 848);
  const exported = await (await fetch(`${server.url}/movies/export?format=csv`, { headers })).text();
  const reimport = await post('/movies/import', exported, 'text/csv');
  t.match(reimport.body.import.report, { received: 848, unchanged: 848 }, 'the export imports back unchanged');
});
