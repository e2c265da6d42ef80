import t, { type Test } from 'tap';
import { inMemoryUseCases } from '../../support/catalog.ts';

const rejectsWith = (t: Test, promise: Promise<unknown>, code: string) => t.rejects(promise, { code }, `fails with ${code}`);

t.test('creating a duplicate movie is a conflict, ignoring case', async (t) => {
  const { useCases } = inMemoryUseCases();
  const create = useCases.createMovie;
  const movie = await create.execute({ title: 'Batman', director: 'Tim Burton', genres: ['Action'] });
  t.ok(movie.id > 0);
  await rejectsWith(t, create.execute({ title: 'BATMAN', director: 'tim burton' }), 'MOVIE_CONFLICT');
  const other = await create.execute({ title: 'Batman', director: 'Leslie H. Martinson' });
  t.not(other.id, movie.id, 'the same title by another director is another movie');
});

t.test('updates check If-Match and bump the version', async (t) => {
  const { useCases } = inMemoryUseCases();
  const movie = await useCases.createMovie.execute({ title: 'Heat' });
  const update = useCases.updateMovie;
  const updated = await update.execute({ id: movie.id, patch: { imdbScore: 8.3 }, ifMatch: 1 });
  t.equal(updated.version, 2);
  await rejectsWith(t, update.execute({ id: movie.id, patch: { imdbScore: 9 }, ifMatch: 1 }), 'VERSION_MISMATCH');
  const forced = await update.execute({ id: movie.id, patch: { popularity: 50 } });
  t.same([forced.version, forced.imdbScore, forced.popularity], [3, 8.3, 50]);
  await rejectsWith(t, update.execute({ id: 999, patch: {} }), 'MOVIE_NOT_FOUND');
  await rejectsWith(t, update.execute({ id: movie.id, patch: { imdbScore: 12 } }), 'VALIDATION_FAILED');
});

t.test('deleting a movie takes its castings, and honours If-Match', async (t) => {
  const { useCases } = inMemoryUseCases();
  const movie = await useCases.createMovie.execute({ title: 'Alien' });
  const actor = await useCases.createActor.execute({ name: 'Sigourney Weaver', age: 75, gender: 'female' });
  await useCases.castActor.execute({ movieId: movie.id, actorId: actor.id, character: 'Ripley' });
  await rejectsWith(t, useCases.deleteMovie.execute({ id: movie.id, ifMatch: 7 }), 'VERSION_MISMATCH');
  t.equal(await useCases.deleteMovie.execute({ id: movie.id, ifMatch: 1 }), movie.id);
  await rejectsWith(t, useCases.getMovie.execute({ id: movie.id }), 'MOVIE_NOT_FOUND');
  t.same((await useCases.getActor.execute({ id: actor.id })).roles, []);
  await rejectsWith(t, useCases.deleteMovie.execute({ id: movie.id }), 'MOVIE_NOT_FOUND');
});

t.test('casting needs both sides and happens once per pair', async (t) => {
  const { useCases } = inMemoryUseCases();
  const movie = await useCases.createMovie.execute({ title: 'Alien' });
  const actor = await useCases.createActor.execute({ name: 'John Hurt', age: 77, gender: 'male' });
  const cast = useCases.castActor;
  await rejectsWith(t, cast.execute({ movieId: 999, actorId: actor.id }), 'MOVIE_NOT_FOUND');
  await rejectsWith(t, cast.execute({ movieId: movie.id, actorId: 999 }), 'ACTOR_NOT_FOUND');
  await cast.execute({ movieId: movie.id, actorId: actor.id, billingOrder: 2 });
  await rejectsWith(t, cast.execute({ movieId: movie.id, actorId: actor.id }), 'CASTING_CONFLICT');
  const members = await useCases.listCast.execute({ movieId: movie.id });
  t.same(
    members.map((m) => [m.actor.name, m.billingOrder]),
    [['John Hurt', 2]],
  );
  await useCases.uncastActor.execute({ movieId: movie.id, actorId: actor.id });
  await rejectsWith(t, useCases.uncastActor.execute({ movieId: movie.id, actorId: actor.id }), 'CASTING_NOT_FOUND');
  await useCases.deleteActor.execute({ id: actor.id });
  t.same((await useCases.getMovie.execute({ id: movie.id })).cast, []);
});
