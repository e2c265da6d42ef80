import t from 'tap';
import { buildTestApp, createActor, createMovie, created } from '../support/http.ts';

t.test('actors: create, read with movies, change, delete', async (t) => {
  const { app } = await buildTestApp();
  const response = await app.inject({ method: 'POST', url: '/actors', payload: { name: 'Al Pacino', age: 84, gender: 'male' } });
  t.equal(response.statusCode, 201);
  const actor = response.json().actor;
  t.equal(response.headers.location, `/actors/${actor.id}`);
  t.match(response.json(), {
    success: true,
    actor: { name: 'Al Pacino', age: 84, gender: 'male', version: 1 },
    actors: [{ id: actor.id }],
  });

  const movie = await createMovie(app);
  await created(app, `/movies/${movie.id}/actors`, { actor_id: actor.id, character: 'Vincent Hanna', billing_order: 1 });
  const detail = await app.inject(`/actors/${actor.id}`);
  t.match(detail.json(), {
    success: true,
    actor: { id: actor.id, movies: [{ id: movie.id, title: 'Heat', character: 'Vincent Hanna', billing_order: 1 }] },
  });
  const etag = String(detail.headers.etag);
  t.equal((await app.inject({ url: `/actors/${actor.id}`, headers: { 'if-none-match': etag } })).statusCode, 304);
  await app.inject({ method: 'PATCH', url: `/movies/${movie.id}`, payload: { title: 'Heat (1995)' } });
  const afterMovieChange = await app.inject({ url: `/actors/${actor.id}`, headers: { 'if-none-match': etag } });
  t.equal(afterMovieChange.statusCode, 200, 'a change of an embedded movie changes the ETag');

  const patched = await app.inject({ method: 'PATCH', url: `/actors/${actor.id}`, payload: { age: 85 }, headers: { 'if-match': '"1"' } });
  t.match(patched.json(), { success: true, actor: { age: 85, version: 2 }, actors: [{ age: 85 }] });
  t.equal(patched.headers.etag, '"2"');
  const stale = await app.inject({ method: 'PATCH', url: `/actors/${actor.id}`, payload: { age: 86 }, headers: { 'if-match': '"1"' } });
  t.equal(stale.statusCode, 412);

  const deleted = await app.inject({ method: 'DELETE', url: `/actors/${actor.id}` });
  t.same(deleted.json(), { success: true, deleted: actor.id });
  t.same((await app.inject(`/movies/${movie.id}/actors`)).json().actors, [], 'their castings went with them');
});

t.test('actors: failures', async (t) => {
  const { app } = await buildTestApp();
  const post = (payload: object) => app.inject({ method: 'POST', url: '/actors', payload });
  t.match((await post({ name: 'A', age: 200, gender: 'f' })).json(), { error: 422, details: [{ path: '/age' }] });
  t.equal((await post({ name: 'A', age: '30', gender: 'f' })).statusCode, 400, 'no coercion of "30"');
  t.equal((await post({ name: 'A', age: 30.5, gender: 'f' })).statusCode, 400);
  t.equal((await post({ name: 'A', age: 30, gender: 'f', role: 'x' })).statusCode, 400);
  t.equal((await post({ name: 'A', age: 30 })).statusCode, 400);
  t.equal((await post({ name: '  ', age: 30, gender: 'f' })).statusCode, 422);
  t.equal((await app.inject('/actors/77')).statusCode, 404);
  t.equal((await app.inject('/actors/abc')).statusCode, 400);
  t.equal((await app.inject({ method: 'PATCH', url: '/actors/77', payload: { age: 3 } })).statusCode, 404);
  const actor = await createActor(app);
  t.equal((await app.inject({ method: 'PATCH', url: `/actors/${actor.id}`, payload: { gender: 'x'.repeat(33) } })).statusCode, 422);
  t.equal((await app.inject({ method: 'PATCH', url: `/actors/${actor.id}`, payload: { id: 9 } })).statusCode, 400);
  t.equal((await app.inject({ method: 'DELETE', url: `/actors/${actor.id}`, headers: { 'if-match': '"4"' } })).statusCode, 412);
  t.equal((await app.inject({ method: 'DELETE', url: '/actors/77' })).statusCode, 404);
});

t.test('castings: cast, list in billing order, refuse doubles, uncast', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  const pacino = await createActor(app);
  const deniro = await createActor(app, { name: 'Robert De Niro', age: 81 });
  const cast = (payload: object, movieId = movie.id) => app.inject({ method: 'POST', url: `/movies/${movieId}/actors`, payload });

  const first = await cast({ actor_id: deniro.id, character: 'Neil McCauley', billing_order: 2 });
  t.equal(first.statusCode, 201);
  t.equal(first.headers.location, `/movies/${movie.id}/actors`);
  t.same(first.json(), {
    success: true,
    casting: { movie_id: movie.id, actor_id: deniro.id, character: 'Neil McCauley', billing_order: 2 },
  });
  await cast({ actor_id: pacino.id, billing_order: 1 });

  const list = await app.inject(`/movies/${movie.id}/actors`);
  t.match(list.json(), {
    success: true,
    movie_id: movie.id,
    actors: [
      { id: pacino.id, character: null, billing_order: 1 },
      { id: deniro.id, name: 'Robert De Niro' },
    ],
  });
  t.match((await app.inject(`/movies/${movie.id}`)).json().movie.cast, [{ id: pacino.id }, { id: deniro.id }]);

  const double = await cast({ actor_id: pacino.id });
  t.equal(double.statusCode, 409);
  t.match(double.json(), { code: 'CASTING_CONFLICT' });
  t.match((await cast({ actor_id: 999 })).json(), { error: 404, code: 'ACTOR_NOT_FOUND' });
  t.match((await cast({ actor_id: pacino.id }, 999)).json(), { error: 404, code: 'MOVIE_NOT_FOUND' });
  t.equal((await cast({ actor_id: String(pacino.id) })).statusCode, 400);
  t.equal((await cast({ actor_id: pacino.id, salary: 1 })).statusCode, 400);
  t.equal((await cast({ actor_id: deniro.id, billing_order: -1 })).statusCode, 422);
  t.equal((await app.inject('/movies/999/actors')).statusCode, 404);

  const removed = await app.inject({ method: 'DELETE', url: `/movies/${movie.id}/actors/${pacino.id}` });
  t.same(removed.json(), { success: true, deleted: pacino.id, movie_id: movie.id });
  const again = await app.inject({ method: 'DELETE', url: `/movies/${movie.id}/actors/${pacino.id}` });
  t.match(again.json(), { error: 404, code: 'CASTING_NOT_FOUND' });
  t.equal((await app.inject({ method: 'DELETE', url: `/movies/${movie.id}/actors/x` })).statusCode, 400);
});

t.test('GET /genres counts movies per genre', async (t) => {
  const { app } = await buildTestApp();
  t.same((await app.inject('/genres')).json(), { success: true, genres: [] });
  await createMovie(app, { title: 'A', genres: ['Drama', 'Crime'] });
  await createMovie(app, { title: 'B', genres: ['drama'] });
  t.same((await app.inject('/genres')).json(), {
    success: true,
    genres: [
      { name: 'Drama', movies: 2 },
      { name: 'Crime', movies: 1 },
    ],
  });
});
