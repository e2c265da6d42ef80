import t from 'tap';
import { buildTestApp, createMovie } from '../support/http.ts';

t.test('POST /movies creates: 201, Location, ETag, singular and plural', async (t) => {
  const { app } = await buildTestApp();
  const response = await app.inject({
    method: 'POST',
    url: '/movies',
    payload: { title: ' Heat ', director: 'Michael Mann', genres: ['Crime', ' crime', 'Drama'], imdb_score: 8.3, popularity: 80 },
  });
  t.equal(response.statusCode, 201);
  const body = response.json();
  t.equal(response.headers.location, `/movies/${body.movie.id}`);
  t.equal(response.headers.etag, '"1"');
  t.match(body, { success: true, movie: { title: 'Heat', genres: ['Crime', 'Drama'], imdb_score: 8.3, release_date: null, version: 1 } });
  t.same(body.movies, [body.movie]);
  t.match(body.movie.created_at, /^\d{4}-\d\d-\d\dT/);
});

t.test('POST /movies refuses bad input', async (t) => {
  const { app } = await buildTestApp();
  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/movies', payload: payload as object });
  const unknown = await post({ title: 'Heat', rating: 5 });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json(), { success: false, error: 400, code: 'INVALID_REQUEST', details: [{ path: '/rating' }] });
  const wrongType = await post({ title: 'Heat', imdb_score: '8.3' });
  t.equal(wrongType.statusCode, 400, 'a numeric string is not coerced in a body');
  t.match(wrongType.json().details, [{ path: '/imdb_score' }]);
  const missing = await post({ director: 'Mann' });
  t.match(missing.json(), { error: 400, details: [{ path: '/title' }] });
  const rule = await post({ title: 'Heat', imdb_score: 11, release_date: '1995-02-30' });
  t.equal(rule.statusCode, 422);
  t.match(rule.json(), { code: 'VALIDATION_FAILED', details: [{ path: '/release_date' }, { path: '/imdb_score' }] });
  await createMovie(app, { title: 'Heat', director: 'Michael Mann', release_date: '1995-12-15' });
  const duplicate = await post({ title: 'HEAT', director: 'michael mann', release_date: '1995-12-15' });
  t.equal(duplicate.statusCode, 409);
  t.match(duplicate.json(), { success: false, error: 409, code: 'MOVIE_CONFLICT' });
});

t.test('GET /movies/:id answers the movie with its cast, an ETag and 304', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  const response = await app.inject(`/movies/${movie.id}`);
  t.equal(response.statusCode, 200);
  t.match(response.json(), { success: true, movie: { id: movie.id, title: 'Heat', cast: [] } });
  const etag = String(response.headers.etag);
  t.match(etag, /^"1-[0-9a-f]{16}"$/);
  const cached = await app.inject({ url: `/movies/${movie.id}`, headers: { 'if-none-match': etag } });
  t.equal(cached.statusCode, 304);
  t.equal(cached.body, '');
  const weak = await app.inject({ url: `/movies/${movie.id}`, headers: { 'if-none-match': `W/${etag}` } });
  t.equal(weak.statusCode, 304, 'If-None-Match compares weakly');
  const other = await app.inject({ url: `/movies/${movie.id}`, headers: { 'if-none-match': '"7"' } });
  t.equal(other.statusCode, 200);
});

t.test('GET /movies/:id refuses unknown and malformed ids without a 500', async (t) => {
  const { app } = await buildTestApp();
  t.match((await app.inject('/movies/4242')).json(), { error: 404, code: 'MOVIE_NOT_FOUND' });
  for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999', '2147483648']) {
    const response = await app.inject(`/movies/${id}`);
    t.equal(response.statusCode, 400, `/movies/${id}`);
    t.match(response.json(), { success: false, details: [{ path: '/id' }] });
  }
});

t.test('PATCH /movies/:id changes, honours If-Match and refuses bad patches', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  const patch = (payload: object, headers = {}) => app.inject({ method: 'PATCH', url: `/movies/${movie.id}`, payload, headers });
  const changed = await patch({ imdb_score: 8.3, genres: ['Crime'] }, { 'if-match': '"1"' });
  t.equal(changed.statusCode, 200);
  t.match(changed.json(), { success: true, movie: { imdb_score: 8.3, genres: ['Crime'], version: 2, title: 'Heat' } });
  t.same(changed.json().movies, [changed.json().movie]);
  t.equal(changed.headers.etag, '"2"');
  const stale = await patch({ title: 'Heat 2' }, { 'if-match': '"1"' });
  t.equal(stale.statusCode, 412);
  t.match(stale.json(), { error: 412, code: 'VERSION_MISMATCH' });
  const detailTag = (await app.inject(`/movies/${movie.id}`)).headers.etag as string;
  t.equal((await patch({ popularity: 50 }, { 'if-match': detailTag })).statusCode, 200, 'the detail ETag is accepted');
  t.equal((await patch({ popularity: 51 }, { 'if-match': 'garbage' })).statusCode, 412, 'a malformed If-Match never matches');
  t.equal((await patch({ popularity: 52 }, { 'if-match': '*' })).statusCode, 200);
  t.equal((await patch({ popularity: 53 })).statusCode, 200, 'no If-Match: the write goes through');
  t.equal((await patch({})).statusCode, 400, 'an empty patch is malformed');
  t.equal((await patch({ title: '' })).statusCode, 422);
  t.equal((await patch({ version: 9 })).statusCode, 400);
  const missing = await app.inject({ method: 'PATCH', url: '/movies/999', payload: { title: 'x' } });
  t.equal(missing.statusCode, 404);
});

t.test('DELETE /movies/:id deletes once; a stale If-Match is a 412', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  const stale = await app.inject({ method: 'DELETE', url: `/movies/${movie.id}`, headers: { 'if-match': '"5"' } });
  t.equal(stale.statusCode, 412);
  const deleted = await app.inject({ method: 'DELETE', url: `/movies/${movie.id}`, headers: { 'if-match': '"1"' } });
  t.equal(deleted.statusCode, 200);
  t.same(deleted.json(), { success: true, deleted: movie.id });
  const again = await app.inject({ method: 'DELETE', url: `/movies/${movie.id}` });
  t.equal(again.statusCode, 404);
  t.equal((await app.inject(`/movies/${movie.id}`)).statusCode, 404);
});
