import t from 'tap';
import { castingWorkflow, TO_OFFER } from './support.ts';

const JANUARY = { shootStart: '2028-01-01', shootEnd: '2028-01-31' };
const MARCH = { shootStart: '2028-03-01', shootEnd: '2028-03-31' };

/** The audit's scene: one actor with accepted parts in W1 (January 2028) and W2 (March 2028). */
async function scene() {
  const w = castingWorkflow();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  const [w1, w2] = [await w.movie({ title: 'W1', ...JANUARY }), await w.movie({ title: 'W2', ...MARCH })];
  for (const movie of [w1, w2]) {
    const role = await w.createRole.execute({ movieId: movie.id, name: `Lead of ${movie.title}` });
    await w.auditionAt(role.id, star.id, [...TO_OFFER, 'accepted']);
  }
  return { w, star, w1, w2 };
}

t.test('moving a shoot onto another accepted part of its cast is SCHEDULE_CONFLICT, nothing changed', async (t) => {
  const { w, star, w2 } = await scene();
  const patch = { shootStart: '2028-01-15', shootEnd: '2028-02-15', title: 'W2 renamed' };
  await t.rejects(w.updateMovie.execute({ id: w2.id, patch }), { code: 'SCHEDULE_CONFLICT', kind: 'conflict' });
  t.same(await w.repos.movies.findById(w2.id), w2, 'the movie is unchanged, version included');
  const shoots = (await w.schedule.execute({ actorId: star.id })).map((part) => part.shoot);
  t.same(shoots, [
    { start: '2028-01-01', end: '2028-01-31' },
    { start: '2028-03-01', end: '2028-03-31' },
  ]);
});

t.test('a shoot that stays clear of the cast’s other parts, or is cleared, or other fields, may change', async (t) => {
  const { w, w2 } = await scene();
  const moved = await w.updateMovie.execute({ id: w2.id, patch: { shootStart: '2028-02-01', shootEnd: '2028-02-28' } });
  t.same([moved.shootWindow(), moved.version], [{ start: '2028-02-01', end: '2028-02-28' }, w2.version + 1], 'the next day is free');
  const cleared = await w.updateMovie.execute({ id: w2.id, patch: { shootStart: null, shootEnd: null }, ifMatch: moved.version });
  t.equal(cleared.shootWindow(), null);
  t.equal((await w.updateMovie.execute({ id: w2.id, patch: { title: 'W2 again' } })).title, 'W2 again');
  await t.rejects(w.updateMovie.execute({ id: w2.id, patch: { title: 'x' }, ifMatch: 1 }), { code: 'VERSION_MISMATCH' });
  await t.rejects(w.updateMovie.execute({ id: 9999, patch: { title: 'x' } }), { code: 'MOVIE_NOT_FOUND', kind: 'not_found' });
});

t.test('actors whose part is only offered, or in another movie alone, do not hold the shoot', async (t) => {
  const w = castingWorkflow();
  const star = await w.actor({ name: 'Sigourney Weaver' });
  const w1 = await w.movie({ title: 'W1', ...JANUARY });
  const w2 = await w.movie({ title: 'W2', ...MARCH });
  await w.auditionAt((await w.createRole.execute({ movieId: w1.id, name: 'A' })).id, star.id, [...TO_OFFER, 'accepted']);
  await w.auditionAt((await w.createRole.execute({ movieId: w2.id, name: 'B' })).id, star.id, TO_OFFER);
  const moved = await w.updateMovie.execute({ id: w2.id, patch: JANUARY });
  t.same(moved.shootWindow(), { start: '2028-01-01', end: '2028-01-31' }, 'an offer is no accepted part');
});
