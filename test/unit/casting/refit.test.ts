import t from 'tap';
import { castingWorkflow, director, producer, TO_OFFER, TO_SHORTLIST } from './support.ts';

/** An actor who fitted at the invitation, and a role then changed so that she no longer does. */
async function scene() {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley', slots: 2 });
  const actor = await w.actor({ name: 'Sigourney Weaver', age: 56, gender: 'female' });
  const misfit = { gender: 'male', ageMin: 10, ageMax: 20 };
  return { w, movie, role, actor, misfit };
}

t.test('offering to an actor who no longer fits the role is ACTOR_DOES_NOT_FIT and changes nothing', async (t) => {
  const { w, role, actor, misfit } = await scene();
  const shortlisted = await w.auditionAt(role.id, actor.id, TO_SHORTLIST);
  await w.updateRole.execute({ id: role.id, patch: misfit, by: director.subject });
  await t.rejects(w.move.execute({ auditionId: shortlisted.id, to: 'offered', by: producer }), {
    code: 'ACTOR_DOES_NOT_FIT',
    kind: 'validation',
    details: [{ path: '/age' }, { path: '/gender' }],
  });
  t.same(await w.getAudition.execute({ id: shortlisted.id }), shortlisted, 'the audition as it was');
  t.equal((await w.move.execute({ auditionId: shortlisted.id, to: 'rejected', by: director })).state, 'rejected', 'ending it is allowed');
});

t.test('accepting for an actor who no longer fits is ACTOR_DOES_NOT_FIT: not cast, the role not filled', async (t) => {
  const { w, movie, role, actor, misfit } = await scene();
  const offered = await w.auditionAt(role.id, actor.id, TO_OFFER);
  const changed = await w.updateRole.execute({ id: role.id, patch: { ...misfit, slots: 1 }, by: director.subject });
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'accepted', by: producer }), { code: 'ACTOR_DOES_NOT_FIT' });
  t.same(await w.getAudition.execute({ id: offered.id }), offered, 'still offered');
  t.same(await w.getRole.execute({ id: role.id }), changed, 'the role neither filled nor changed');
  t.same(await w.repos.castings.castOf(movie.id), [], 'nobody cast');
  t.equal((await w.move.execute({ auditionId: offered.id, to: 'declined', by: producer })).state, 'declined', 'declining is allowed');
});

t.test('an actor who changed since the invitation is checked as they are now', async (t) => {
  const { w, role, actor } = await scene();
  await w.updateRole.execute({ id: role.id, patch: { ageMin: 50 }, by: director.subject });
  const offered = await w.auditionAt(role.id, actor.id, TO_OFFER);
  await w.repos.actors.update(actor.withChanges({ age: 45 }, new Date()), actor.version);
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'accepted', by: producer }), { code: 'ACTOR_DOES_NOT_FIT' });
  t.equal((await w.move.execute({ auditionId: offered.id, to: 'withdrawn', by: director })).state, 'withdrawn', 'withdrawing is allowed');
});
