import { readFileSync } from 'node:fs';
import t from 'tap';
import { CLIENT_TYPES_FILE, generatedClientTypes } from '../../src/infrastructure/cli/client-types.ts';
import { E2E_ADMIN } from '../support/auth.ts';
import { startChildServer } from '../support/server.ts';
import { signedInClient } from './client.ts';
import { serverDatabase } from './postgres.ts';

/*
 * End to end: the real server as `npm start` runs it (PGlite in a temporary DATA_DIR, or a
 * fresh PostgreSQL database when the run has DATABASE_URL), driven over HTTP by the typed
 * client of clients/typescript, generated from the /docs/json it serves.
 */
const database = await serverDatabase('e2e');
t.teardown(() => database.drop());

const server = await startChildServer({ ...database.env, ...E2E_ADMIN });
let stopped = false;
t.teardown(async () => {
  if (!stopped) await server.stop('SIGKILL');
});
// Every catalog route needs a token: the admin ADMIN_USERNAME/ADMIN_PASSWORD created at start.
const api = await signedInClient(server.url);

t.test('the served OpenAPI document is what the typed client was generated from', async (t) => {
  const response = await fetch(`${server.url}/docs/json`);
  t.equal(response.status, 200);
  const document = (await response.json()) as Parameters<typeof generatedClientTypes>[0];
  t.match(document, { openapi: /^3\.1\./ });
  const generated = await generatedClientTypes(document);
  t.equal(readFileSync(CLIENT_TYPES_FILE, 'utf8'), generated, 'run `npm run client:generate` to regenerate clients/typescript');
});

t.test('create, read, list, patch, cast, delete', async (t) => {
  const created = await api.POST('/movies', {
    body: { title: 'Heat', release_date: '1995-12-15', director: 'Michael Mann', genres: ['Crime', ' Drama', 'crime'], imdb_score: 8.3 },
  });
  if (!t.equal(created.response.status, 201, 'created')) t.comment(server.output());
  const movie = created.data!.movie;
  t.match(created.data, { success: true, movie: { title: 'Heat', genres: ['Crime', 'Drama'] }, movies: [{ id: movie.id }] });
  t.equal(created.response.headers.get('location'), `/movies/${movie.id}`);

  const read = await api.GET('/movies/{id}', { params: { path: { id: movie.id } } });
  t.match(read.data, { success: true, movie: { id: movie.id, release_date: '1995-12-15', director: 'Michael Mann' } });
  const etag = read.response.headers.get('etag');
  t.ok(etag, 'an ETag');

  const listed = await api.GET('/movies', { params: { query: { q: 'hea', director: 'michael mann', page: 1, limit: 10 } } });
  t.match(listed.data, { success: true, movies: [{ id: movie.id }], page: 1, limit: 10, total: 1, total_pages: 1 });

  const patched = await api.PATCH('/movies/{id}', {
    params: { path: { id: movie.id }, header: { 'If-Match': etag! } }, // declared in the OpenAPI document
    body: { imdb_score: 8.4 },
  });
  t.equal(patched.response.status, 200);
  t.match(patched.data, { success: true, movie: { imdb_score: 8.4 }, movies: [{ id: movie.id }] });
  const stale = await api.PATCH('/movies/{id}', {
    params: { path: { id: movie.id }, header: { 'If-Match': etag! } },
    body: { imdb_score: 1 },
  });
  t.equal(stale.response.status, 412, 'the old ETag is stale now');
  t.match(stale.error, { success: false, error: 412 });

  const actor = await api.POST('/actors', { body: { name: 'Al Pacino', age: 85, gender: 'male' } });
  t.equal(actor.response.status, 201);
  const actorId = actor.data!.actor.id;
  const cast = await api.POST('/movies/{id}/actors', {
    params: { path: { id: movie.id } },
    body: { actor_id: actorId, character: 'Vincent Hanna', billing_order: 1 },
  });
  t.equal(cast.response.status, 201);
  const again = await api.POST('/movies/{id}/actors', { params: { path: { id: movie.id } }, body: { actor_id: actorId } });
  t.equal(again.response.status, 409, 'cast once per pair');
  const members = await api.GET('/movies/{id}/actors', { params: { path: { id: movie.id } } });
  t.match(JSON.stringify(members.data), /Vincent Hanna/);

  const deleted = await api.DELETE('/movies/{id}', { params: { path: { id: movie.id } } });
  t.same(deleted.data, { success: true, deleted: movie.id });
  const gone = await api.GET('/movies/{id}', { params: { path: { id: movie.id } } });
  t.equal(gone.response.status, 404);
  t.match(gone.error, { success: false, error: 404, code: 'MOVIE_NOT_FOUND' });
});

t.test('SIGTERM stops the server cleanly', async (t) => {
  stopped = true;
  if (!t.equal(await server.stop('SIGTERM'), 0, 'exit code 0')) t.comment(server.output());
  t.match(server.output(), /SIGTERM received/);
});
