import t from 'tap';
import { castingWorkflow, director, producer, TO_SHORTLIST } from './support.ts';

async function scene() {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley', ageMin: 25, ageMax: 40, gender: 'female' });
  const actor = await w.actor({ name: 'Sigourney Weaver', age: 30 });
  return { w, movie, role, actor };
}

t.test('an invitation starts an audition with its history; it is read back and listed', async (t) => {
  const { w, role, actor } = await scene();
  const scheduledAt = new Date('2026-04-01T10:00:00.000Z');
  const audition = await w.invite.execute({ roleId: role.id, actorId: actor.id, scheduledAt, note: 'read scene 4', by: director.subject });
  t.match(audition, { roleId: role.id, actorId: actor.id, state: 'invited', scheduledAt, version: 1 });
  t.match(audition.history, [{ from: null, to: 'invited', by: '2', note: 'read scene 4' }]);
  t.same(await w.getAudition.execute({ id: audition.id }), audition);
  const listed = await w.listAuditions.execute({ filter: { roleId: role.id }, page: { page: 1, limit: 20, sort: [] } });
  t.same(
    listed.items.map((a) => a.id),
    [audition.id],
  );
  await t.rejects(w.listAuditions.execute({ filter: { roleId: 99 }, page: { page: 1, limit: 20, sort: [] } }), { code: 'ROLE_NOT_FOUND' });
});

t.test('invite refuses: a misfit (422), a second live audition, a closed or filled role, missing role or actor', async (t) => {
  const { w, movie, role, actor } = await scene();
  const man = await w.actor({ name: 'Tom Skerritt', age: 45, gender: 'male' });
  await t.rejects(w.invite.execute({ roleId: role.id, actorId: man.id, by: '2' }), {
    code: 'ACTOR_DOES_NOT_FIT',
    kind: 'validation',
    details: [{ path: '/age' }, { path: '/gender' }],
  });
  const first = await w.invite.execute({ roleId: role.id, actorId: actor.id, by: '2' });
  await t.rejects(w.invite.execute({ roleId: role.id, actorId: actor.id, by: '2' }), { code: 'ALREADY_AUDITIONING', kind: 'conflict' });
  await w.move.execute({ auditionId: first.id, to: 'withdrawn', by: director });
  const again = await w.invite.execute({ roleId: role.id, actorId: actor.id, by: '2' });
  t.not(again.id, first.id, 'an ended audition does not block a new one');
  const closed = await w.createRole.execute({ movieId: movie.id, name: 'Lambert' });
  await w.updateRole.execute({ id: closed.id, patch: { state: 'closed' }, by: '2' });
  await t.rejects(w.invite.execute({ roleId: closed.id, actorId: actor.id, by: '2' }), { code: 'ROLE_NOT_OPEN', kind: 'conflict' });
  await t.rejects(w.invite.execute({ roleId: 999, actorId: actor.id, by: '2' }), { code: 'ROLE_NOT_FOUND' });
  await t.rejects(w.invite.execute({ roleId: role.id, actorId: 999, by: '2' }), { code: 'ACTOR_NOT_FOUND' });
});

t.test('a filled role takes no new auditions: ROLE_NOT_OPEN', async (t) => {
  const { w, role, actor } = await scene();
  await w.auditionAt(role.id, actor.id, [...TO_SHORTLIST, 'offered', 'accepted']);
  t.equal((await w.getRole.execute({ id: role.id })).state, 'filled');
  const other = await w.actor({ name: 'Veronica Cartwright', age: 33 });
  await t.rejects(w.invite.execute({ roleId: role.id, actorId: other.id, by: '2' }), { code: 'ROLE_NOT_OPEN' });
});

t.test('moves record who, when and why; a move off the graph is INVALID_TRANSITION and changes nothing', async (t) => {
  const { w, role, actor } = await scene();
  const invited = await w.invite.execute({ roleId: role.id, actorId: actor.id, by: '2' });
  const moved = await w.move.execute({ auditionId: invited.id, to: 'auditioned', note: 'great read', by: director });
  t.match(moved, { state: 'auditioned', version: 2 });
  t.match(moved.lastChange(), { from: 'invited', to: 'auditioned', by: '2', note: 'great read' });
  await t.rejects(w.move.execute({ auditionId: invited.id, to: 'accepted', by: producer }), {
    code: 'INVALID_TRANSITION',
    kind: 'conflict',
  });
  await t.rejects(w.move.execute({ auditionId: invited.id, to: 'invited', by: producer }), { code: 'INVALID_TRANSITION' });
  t.same(await w.getAudition.execute({ id: invited.id }), moved);
  await t.rejects(w.move.execute({ auditionId: 999, to: 'auditioned', by: director }), { code: 'AUDITION_NOT_FOUND' });
});

t.test('offering, accepting and declining need make:offers (403); the rest manage:auditions', async (t) => {
  const { w, role, actor } = await scene();
  const shortlisted = await w.auditionAt(role.id, actor.id, TO_SHORTLIST);
  await t.rejects(w.move.execute({ auditionId: shortlisted.id, to: 'offered', by: director }), { code: 'FORBIDDEN', kind: 'forbidden' });
  const offered = await w.move.execute({ auditionId: shortlisted.id, to: 'offered', by: producer });
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'declined', by: director }), { code: 'FORBIDDEN' });
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'accepted', by: director }), { code: 'FORBIDDEN' });
  const assistant = { subject: '1', permissions: ['get:movies' as const] };
  await t.rejects(w.move.execute({ auditionId: offered.id, to: 'rejected', by: assistant }), { code: 'FORBIDDEN' });
  t.equal(
    (await w.move.execute({ auditionId: offered.id, to: 'withdrawn', by: director })).state,
    'withdrawn',
    'a director may withdraw an offer',
  );
});

t.test('If-Match on a move: a stale version is a 412 and changes nothing', async (t) => {
  const { w, role, actor } = await scene();
  const invited = await w.invite.execute({ roleId: role.id, actorId: actor.id, by: '2' });
  await t.rejects(w.move.execute({ auditionId: invited.id, to: 'auditioned', ifMatch: 2, by: director }), { code: 'VERSION_MISMATCH' });
  t.equal((await w.move.execute({ auditionId: invited.id, to: 'auditioned', ifMatch: 1, by: director })).version, 2);
});

t.test('offers stop at the slots (NO_OPEN_SLOT); a closed role takes no offer (ROLE_NOT_OPEN)', async (t) => {
  const { w, movie } = await scene();
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Crew', slots: 2 });
  const [a, b, c] = await Promise.all(
    ['Kane', 'Dallas', 'Brett'].map(async (name) => w.auditionAt(role.id, (await w.actor({ name })).id, TO_SHORTLIST)),
  );
  await w.move.execute({ auditionId: a!.id, to: 'offered', by: producer });
  await w.move.execute({ auditionId: b!.id, to: 'offered', by: producer });
  await t.rejects(w.move.execute({ auditionId: c!.id, to: 'offered', by: producer }), { code: 'NO_OPEN_SLOT', kind: 'conflict' });
  await w.move.execute({ auditionId: b!.id, to: 'declined', by: producer });
  t.equal((await w.move.execute({ auditionId: c!.id, to: 'offered', by: producer })).state, 'offered', 'a declined offer frees its slot');
  const d = await w.auditionAt(role.id, (await w.actor({ name: 'Parker' })).id, TO_SHORTLIST);
  await w.move.execute({ auditionId: c!.id, to: 'rejected', by: director });
  await w.updateRole.execute({ id: role.id, patch: { state: 'closed' }, by: '2' });
  await t.rejects(w.move.execute({ auditionId: d.id, to: 'offered', by: producer }), { code: 'ROLE_NOT_OPEN' });
  await t.rejects(w.move.execute({ auditionId: a!.id, to: 'accepted', by: producer }), { code: 'ROLE_NOT_OPEN' });
});
