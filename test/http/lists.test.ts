import t from 'tap';
import { buildTestApp, createActor, createMovie, created } from '../support/http.ts';

t.test('GET /movies pages with totals and a Link header that keeps the query', async (t) => {
  const { app } = await buildTestApp();
  for (let i = 1; i <= 5; i++) await createMovie(app, { title: `Film ${i}`, genres: ['Drama'] });
  const first = await app.inject('/movies?limit=2&genre=Drama&sort=title.desc');
  t.equal(first.statusCode, 200);
  t.match(first.json(), { success: true, page: 1, limit: 2, total: 5, total_pages: 3, total_capped: false });
  t.same(
    first.json().movies.map((m: { title: string }) => m.title),
    ['Film 5', 'Film 4'],
  );
  t.equal(first.headers.link, '</movies?limit=2&genre=Drama&sort=title.desc&page=2>; rel="next"');
  const middle = await app.inject('/movies?limit=2&page=2&genre=Drama&sort=title.desc');
  t.equal(
    middle.headers.link,
    '</movies?limit=2&page=3&genre=Drama&sort=title.desc>; rel="next", </movies?limit=2&page=1&genre=Drama&sort=title.desc>; rel="prev"',
  );
  const last = await app.inject('/movies?limit=2&page=3');
  t.equal(last.json().movies.length, 1);
  t.equal(last.headers.link, '</movies?limit=2&page=2>; rel="prev"');
  const past = await app.inject('/movies?limit=2&page=9');
  t.match(past.json(), { movies: [], total: 5 });
  t.equal((await app.inject('/movies')).json().limit, 20, 'limit defaults to 20');
});

t.test('a capped total says so and keeps offering next', async (t) => {
  const { app } = await buildTestApp({ countCap: 3 });
  for (let i = 1; i <= 6; i++) await createMovie(app, { title: `Film ${i}` });
  const response = await app.inject('/movies?limit=3');
  t.match(response.json(), { total: 3, total_capped: true, total_pages: 1 });
  t.match(response.headers.link, /page=2>; rel="next"/);
  const deep = await app.inject('/movies?limit=1&page=5');
  t.match(deep.json(), { page: 5, total: 3, total_capped: true });
  t.equal(
    deep.headers.link,
    '</movies?limit=1&page=6>; rel="next", </movies?limit=1&page=4>; rel="prev"',
    'prev is the page before, past total_pages',
  );
});

t.test('GET /movies refuses bad paging, sorting and filters with a 400', async (t) => {
  const { app } = await buildTestApp();
  const bad = [
    'limit=101',
    'limit=0',
    'page=0',
    'page=x',
    'sort=rating.asc',
    'sort=title',
    'sort=title.up',
    'imdb_score.gte=high',
    'release_date.gte=yesterday',
    'actor=abc',
    'genre=a,b|c',
    'unknown=1',
    `q=${'x'.repeat(10_000)}`,
  ];
  for (const query of bad) {
    const response = await app.inject(`/movies?${query}`);
    t.equal(response.statusCode, 400, query.slice(0, 40));
    t.match(response.json(), { success: false, error: 400, code: 'INVALID_REQUEST' });
  }
  const sort = (await app.inject('/movies?sort=rating.asc')).json();
  t.match(sort.details, [{ path: '/sort', message: /title, release_date/ }], 'the message names the sortable fields');
});

t.test('GET /movies filters', async (t) => {
  const { app } = await buildTestApp();
  const heat = await createMovie(app, {
    title: 'Heat',
    genres: ['Crime', 'Drama'],
    imdb_score: 8.3,
    popularity: 70,
    release_date: '1995-12-15',
  });
  await createMovie(app, {
    title: 'Alien',
    director: 'Ridley Scott',
    genres: ['Horror', 'Sci-Fi'],
    imdb_score: 8.5,
    popularity: 90,
    release_date: '1979-05-25',
  });
  await createMovie(app, {
    title: 'The Heat',
    director: 'Paul Feig',
    genres: ['Comedy', 'Crime'],
    imdb_score: 6.6,
    popularity: 40,
    release_date: '2013-06-28',
  });
  const actor = await createActor(app);
  await created(app, `/movies/${heat.id}/actors`, { actor_id: actor.id });
  const titles = async (query: string) =>
    (await app.inject(`/movies?${query}&sort=title.asc`)).json().movies.map((m: { title: string }) => m.title);
  t.same(await titles('q=heat'), ['Heat', 'The Heat']);
  t.same(await titles('director=RIDLEY%20SCOTT'), ['Alien']);
  t.same(await titles('genre=crime,drama'), ['Heat']);
  t.same(await titles(`genre=${encodeURIComponent('Horror|Comedy')}`), ['Alien', 'The Heat']);
  t.same(await titles('imdb_score.gte=8&imdb_score.lte=8.4'), ['Heat']);
  t.same(await titles('popularity.gte=50'), ['Alien', 'Heat']);
  t.same(await titles('release_date.gte=1990-01-01&release_date.lte=2000-01-01'), ['Heat']);
  t.same(await titles(`actor=${actor.id}`), ['Heat']);
  const byScore = (await app.inject('/movies?sort=imdb_score.desc')).json().movies.map((m: { title: string }) => m.title);
  t.same(byScore, ['Alien', 'Heat', 'The Heat']);
});

t.test('GET /actors pages, sorts and filters', async (t) => {
  const { app } = await buildTestApp();
  const pacino = await createActor(app, { name: 'Al Pacino', age: 84, gender: 'male' });
  await createActor(app, { name: 'Sigourney Weaver', age: 75, gender: 'female' });
  await createActor(app, { name: 'Val Kilmer', age: 65, gender: 'male' });
  const movie = await createMovie(app);
  await created(app, `/movies/${movie.id}/actors`, { actor_id: pacino.id });
  const names = async (query: string) => (await app.inject(`/actors?${query}`)).json().actors.map((a: { name: string }) => a.name);
  t.same(await names('sort=age.asc'), ['Val Kilmer', 'Sigourney Weaver', 'Al Pacino']);
  t.same(await names('gender=MALE&sort=name.desc'), ['Val Kilmer', 'Al Pacino']);
  t.same(await names('age.gte=70&age.lte=80'), ['Sigourney Weaver']);
  t.same(await names('q=wEAV'), ['Sigourney Weaver']);
  t.same(await names(`movie=${movie.id}`), ['Al Pacino']);
  const page = await app.inject('/actors?limit=1&page=2');
  t.match(page.json(), { page: 2, limit: 1, total: 3, total_pages: 3, total_capped: false });
  t.match(page.headers.link, /rel="next".*rel="prev"/);
  for (const query of ['sort=title.asc', 'limit=101', 'age.gte=old', 'movie=0', 'name=Al']) {
    t.equal((await app.inject(`/actors?${query}`)).statusCode, 400, query);
  }
});
