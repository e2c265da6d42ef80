import t from 'tap';
import { buildAuthApp } from '../support/auth.ts';
import { buildTestApp } from '../support/http.ts';

const batman = { movie_name: 'Batman', director: 'Tim Burton', genre: ['Action', ' Adventure'], popularity: 76, imdbScore: 7.6 };

t.test('POST /add_movies creates with the catalog API names and answers 201 in them', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const response = await app.inject({ method: 'POST', url: '/add_movies', payload: batman });
  t.equal(response.statusCode, 201);
  const movie = response.json().movie;
  t.same(response.json(), {
    success: true,
    movie: { id: movie.id, movie_name: 'Batman', director: 'Tim Burton', genre: ['Action', 'Adventure'], popularity: 76, imdbScore: 7.6 },
  });
  t.equal(response.headers.location, `/movies/${movie.id}`);
  const rest = (await app.inject(`/movies/${movie.id}`)).json().movie;
  t.match(
    rest,
    { title: 'Batman', director: 'Tim Burton', genres: ['Action', 'Adventure'], popularity: 76, imdb_score: 7.6 },
    'the same movie on /movies',
  );
  t.equal((await app.inject({ method: 'POST', url: '/add_movies', payload: batman })).statusCode, 409, 'a duplicate is a 409');
});

t.test('POST /add_movies: strict bodies and the same rules as POST /movies', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const cases: [unknown, number, string][] = [
    [{ ...batman, title: 'Batman' }, 400, 'a field of the REST shape is unknown here'],
    [{ ...batman, imdbScore: '7.6' }, 400, 'no coercion'],
    [{ director: 'x' }, 400, 'movie_name is required'],
    [{ ...batman, imdbScore: 11 }, 422, 'imdbScore over 10'],
    [{ ...batman, popularity: -1 }, 422, 'popularity under 0'],
    [{ ...batman, movie_name: '' }, 422, 'empty name'],
  ];
  for (const [payload, status, why] of cases) {
    t.equal((await app.inject({ method: 'POST', url: '/add_movies', payload: payload as object })).statusCode, status, why);
  }
  const bad = await app.inject({ method: 'POST', url: '/add_movies', payload: { ...batman, imdbScore: 11 } });
  t.match(
    bad.json().details,
    [{ path: '/imdbScore', message: /^imdbScore must/ }],
    'the problem names the field as the catalog API spells it',
  );
  const empty = await app.inject({ method: 'POST', url: '/add_movies', payload: { ...batman, movie_name: ' ' } });
  t.match(empty.json().details, [{ path: '/movie_name' }]);
});

t.test('POST /update_movies {id, …} changes any subset and answers in the catalog API names', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const id = (await app.inject({ method: 'POST', url: '/add_movies', payload: batman })).json().movie.id;
  const response = await app.inject({ method: 'POST', url: '/update_movies', payload: { id, imdbScore: 8, genre: ['Crime'] } });
  t.equal(response.statusCode, 200);
  t.same(response.json().movie, { ...batman, id, imdbScore: 8, genre: ['Crime'] });
  t.equal((await app.inject(`/movies/${id}`)).json().movie.version, 2);
  t.equal((await app.inject({ method: 'POST', url: '/update_movies', payload: { id: 999, imdbScore: 8 } })).statusCode, 404);
  t.equal((await app.inject({ method: 'POST', url: '/update_movies', payload: { id } })).statusCode, 400, 'nothing to change');
  t.equal((await app.inject({ method: 'POST', url: '/update_movies', payload: { imdbScore: 8 } })).statusCode, 400, 'no id');
  t.equal((await app.inject({ method: 'POST', url: '/update_movies', payload: { id, imdb_score: 8 } })).statusCode, 400, 'unknown field');
});

t.test('POST /search_movies_id/:id finds one movie; without an id, a paged list', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const ids: number[] = [];
  for (const name of ['A', 'B', 'C']) {
    ids.push((await app.inject({ method: 'POST', url: '/add_movies', payload: { ...batman, movie_name: name } })).json().movie.id);
  }
  const one = await app.inject({ method: 'POST', url: `/search_movies_id/${ids[1]}` });
  t.equal(one.statusCode, 200);
  t.same(one.json(), { success: true, movie: { ...batman, movie_name: 'B', genre: ['Action', 'Adventure'], id: ids[1] } });
  t.equal((await app.inject({ method: 'POST', url: '/search_movies_id/999' })).statusCode, 404);
  t.equal((await app.inject({ method: 'POST', url: '/search_movies_id/abc' })).statusCode, 400);
  const list = await app.inject({ method: 'POST', url: '/search_movies_id?limit=2&sort=id.desc' });
  t.equal(list.statusCode, 200);
  t.match(list.json(), { success: true, page: 1, limit: 2, total: 3, total_pages: 2 });
  t.same(
    list.json().movies.map((m: { movie_name: string }) => m.movie_name),
    ['C', 'B'],
  );
  t.notOk('title' in list.json().movies[0], 'only the catalog API names');
  t.match(list.headers.link, /rel="next"/);
});

t.test('catalog-API routes need the permissions of POST/PATCH/GET /movies', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const assistant = (await auth.as('casting_assistant')).headers;
  const director = (await auth.as('casting_director')).headers;
  const producer = (await auth.as('executive_producer')).headers;
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    auth.app.inject({ method: 'POST', url, headers, ...(payload && { payload }) });
  t.equal((await post('/add_movies', {}, batman)).statusCode, 401);
  t.equal((await post('/add_movies', director, batman)).statusCode, 403, 'adding needs post:movies');
  const id = (await post('/add_movies', producer, batman)).json().movie.id;
  t.equal((await post('/update_movies', assistant, { id, imdbScore: 1 })).statusCode, 403, 'updating needs patch:movies');
  t.equal((await post('/update_movies', director, { id, imdbScore: 1 })).statusCode, 200);
  t.equal((await post(`/search_movies_id/${id}`, {})).statusCode, 401);
  t.equal((await post(`/search_movies_id/${id}`, assistant)).statusCode, 200, 'searching needs get:movies');
  t.equal((await post('/search_movies_id', assistant)).statusCode, 200);
});
