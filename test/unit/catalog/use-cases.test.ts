import t, { type Test } from 'tap';
import { CreateActor } from '../../../src/application/actors/create-actor.ts';
import { DeleteActor } from '../../../src/application/actors/delete-actor.ts';
import { GetActor } from '../../../src/application/actors/get-actor.ts';
import { CastActor } from '../../../src/application/castings/cast-actor.ts';
import { ListCast } from '../../../src/application/castings/list-cast.ts';
import { UncastActor } from '../../../src/application/castings/uncast-actor.ts';
import { CreateMovie } from '../../../src/application/movies/create-movie.ts';
import { DeleteMovie } from '../../../src/application/movies/delete-movie.ts';
import { GetMovie } from '../../../src/application/movies/get-movie.ts';
import { UpdateMovie } from '../../../src/application/movies/update-movie.ts';
import { inMemoryContainer } from '../../support/catalog.ts';

const rejectsWith = (t: Test, promise: Promise<unknown>, code: string) => t.rejects(promise, { code }, `fails with ${code}`);

t.test('creating a duplicate movie is a conflict, ignoring case', async (t) => {
  const { container } = inMemoryContainer();
  const create = container.resolve(CreateMovie);
  const movie = await create.execute({ title: 'Batman', director: 'Tim Burton', genres: ['Action'] });
  t.ok(movie.id > 0);
  await rejectsWith(t, create.execute({ title: 'BATMAN', director: 'tim burton' }), 'MOVIE_CONFLICT');
  const other = await create.execute({ title: 'Batman', director: 'Leslie H. Martinson' });
  t.not(other.id, movie.id, 'the same title by another director is another movie');
});

t.test('updates check If-Match and bump the version', async (t) => {
  const { container } = inMemoryContainer();
  const movie = await container.resolve(CreateMovie).execute({ title: 'Heat' });
  const update = container.resolve(UpdateMovie);
  const updated = await update.execute({ id: movie.id, patch: { imdbScore: 8.3 }, ifMatch: 1 });
  t.equal(updated.version, 2);
  await rejectsWith(t, update.execute({ id: movie.id, patch: { imdbScore: 9 }, ifMatch: 1 }), 'VERSION_MISMATCH');
  const forced = await update.execute({ id: movie.id, patch: { popularity: 50 } });
  t.same([forced.version, forced.imdbScore, forced.popularity], [3, 8.3, 50]);
  await rejectsWith(t, update.execute({ id: 999, patch: {} }), 'MOVIE_NOT_FOUND');
  await rejectsWith(t, update.execute({ id: movie.id, patch: { imdbScore: 12 } }), 'VALIDATION_FAILED');
});

t.test('deleting a movie takes its castings, and honours If-Match', async (t) => {
  const { container } = inMemoryContainer();
  const movie = await container.resolve(CreateMovie).execute({ title: 'Alien' });
  const actor = await container.resolve(CreateActor).execute({ name: 'Sigourney Weaver', age: 75, gender: 'female' });
  await container.resolve(CastActor).execute({ movieId: movie.id, actorId: actor.id, character: 'Ripley' });
  await rejectsWith(t, container.resolve(DeleteMovie).execute({ id: movie.id, ifMatch: 7 }), 'VERSION_MISMATCH');
  t.equal(await container.resolve(DeleteMovie).execute({ id: movie.id, ifMatch: 1 }), movie.id);
  await rejectsWith(t, container.resolve(GetMovie).execute({ id: movie.id }), 'MOVIE_NOT_FOUND');
  t.same((await container.resolve(GetActor).execute({ id: actor.id })).roles, []);
  await rejectsWith(t, container.resolve(DeleteMovie).execute({ id: movie.id }), 'MOVIE_NOT_FOUND');
});

t.test('casting needs both sides and happens once per pair', async (t) => {
  const { container } = inMemoryContainer();
  const movie = await container.resolve(CreateMovie).execute({ title: 'Alien' });
  const actor = await container.resolve(CreateActor).execute({ name: 'John Hurt', age: 77, gender: 'male' });
  const cast = container.resolve(CastActor);
  await rejectsWith(t, cast.execute({ movieId: 999, actorId: actor.id }), 'MOVIE_NOT_FOUND');
  await rejectsWith(t, cast.execute({ movieId: movie.id, actorId: 999 }), 'ACTOR_NOT_FOUND');
  await cast.execute({ movieId: movie.id, actorId: actor.id, billingOrder: 2 });
  await rejectsWith(t, cast.execute({ movieId: movie.id, actorId: actor.id }), 'CASTING_CONFLICT');
  const members = await container.resolve(ListCast).execute({ movieId: movie.id });
  t.same(
    members.map((m) => [m.actor.name, m.billingOrder]),
    [['John Hurt', 2]],
  );
  await container.resolve(UncastActor).execute({ movieId: movie.id, actorId: actor.id });
  await rejectsWith(t, container.resolve(UncastActor).execute({ movieId: movie.id, actorId: actor.id }), 'CASTING_NOT_FOUND');
  await container.resolve(DeleteActor).execute({ id: actor.id });
  t.same((await container.resolve(GetMovie).execute({ id: movie.id })).cast, []);
});
