import t from 'tap';
import { castingWorkflow, director, TO_OFFER } from './support.ts';

const page = { page: 1, limit: 20, sort: [] };

t.test('a role is created open on an existing movie, read back and listed with its movie', async (t) => {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley', ageMin: 25, ageMax: 40, gender: 'female', slots: 1 });
  t.match(role, { movieId: movie.id, name: 'Ripley', state: 'open', version: 1 });
  t.ok(role.id > 0);
  t.same(await w.getRole.execute({ id: role.id }), role);
  await w.createRole.execute({ movieId: movie.id, name: 'Ash', slots: 1 });
  const listed = await w.listRoles.execute({
    filter: { movieId: movie.id },
    page: { ...page, sort: [{ field: 'name', direction: 'asc' }] },
  });
  t.same(
    listed.items.map((r) => r.name),
    ['Ash', 'Ripley'],
  );
  t.equal(listed.total, 2);
  t.equal((await w.listRoles.execute({ filter: { movieId: movie.id, state: 'closed' }, page })).total, 0);
});

t.test('missing movie or role: 404; broken rules: 422', async (t) => {
  const w = castingWorkflow();
  await t.rejects(w.createRole.execute({ movieId: 99, name: 'Ripley' }), { code: 'MOVIE_NOT_FOUND' });
  await t.rejects(w.listRoles.execute({ filter: { movieId: 99 }, page }), { code: 'MOVIE_NOT_FOUND' });
  await t.rejects(w.getRole.execute({ id: 99 }), { code: 'ROLE_NOT_FOUND' });
  await t.rejects(w.updateRole.execute({ id: 99, patch: {}, by: director.subject }), { code: 'ROLE_NOT_FOUND' });
  await t.rejects(w.deleteRole.execute({ id: 99 }), { code: 'ROLE_NOT_FOUND' });
  const movie = await w.movie({ title: 'Alien' });
  await t.rejects(w.createRole.execute({ movieId: movie.id, name: 'Ripley', ageMin: 50, ageMax: 20 }), { code: 'VALIDATION_FAILED' });
});

t.test('update: If-Match, close, reopen; slots never below the offers made', async (t) => {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Crew', slots: 2 });
  const renamed = await w.updateRole.execute({ id: role.id, patch: { name: 'Nostromo crew' }, ifMatch: 1, by: director.subject });
  t.match(renamed, { name: 'Nostromo crew', version: 2 });
  await t.rejects(w.updateRole.execute({ id: role.id, patch: { slots: 3 }, ifMatch: 1, by: director.subject }), {
    code: 'VERSION_MISMATCH',
  });
  await w.auditionAt(role.id, (await w.actor({ name: 'Kane' })).id, TO_OFFER);
  await w.auditionAt(role.id, (await w.actor({ name: 'Lambert' })).id, TO_OFFER);
  await t.rejects(w.updateRole.execute({ id: role.id, patch: { slots: 1 }, by: director.subject }), {
    code: 'VALIDATION_FAILED',
    details: [{ path: '/slots' }],
  });
  const closed = await w.updateRole.execute({ id: role.id, patch: { state: 'closed' }, by: director.subject });
  t.equal(closed.state, 'closed');
  t.equal((await w.updateRole.execute({ id: role.id, patch: { state: 'open' }, by: director.subject })).state, 'open');
  t.equal((await w.getRole.execute({ id: role.id })).slots, 2, 'the refused change changed nothing');
});

t.test('fewer slots can fill a role: its pending auditions end rejected', async (t) => {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Crew', slots: 2 });
  const accepted = await w.auditionAt(role.id, (await w.actor({ name: 'Kane' })).id, [...TO_OFFER, 'accepted']);
  const pending = await w.auditionAt(role.id, (await w.actor({ name: 'Parker' })).id, ['auditioned']);
  const filled = await w.updateRole.execute({ id: role.id, patch: { slots: 1 }, by: director.subject });
  t.equal(filled.state, 'filled');
  t.equal((await w.getAudition.execute({ id: accepted.id })).state, 'accepted');
  const rejected = await w.getAudition.execute({ id: pending.id });
  t.match(rejected.lastChange(), { from: 'auditioned', to: 'rejected', by: director.subject, note: 'the role was filled' });
});

t.test('state: open on a filled role is ROLE_STATE_CONFLICT and changes nothing; closing it is allowed', async (t) => {
  const w = castingWorkflow();
  const role = await w.createRole.execute({ movieId: (await w.movie({ title: 'Alien' })).id, name: 'Ripley' });
  await w.auditionAt(role.id, (await w.actor({ name: 'Sigourney' })).id, [...TO_OFFER, 'accepted']);
  const filled = await w.getRole.execute({ id: role.id });
  t.equal(filled.state, 'filled');
  await t.rejects(w.updateRole.execute({ id: role.id, patch: { state: 'open' }, by: director.subject }), {
    code: 'ROLE_STATE_CONFLICT',
    kind: 'conflict',
  });
  t.same(await w.getRole.execute({ id: role.id }), filled, 'same state, same version');
  t.equal((await w.updateRole.execute({ id: role.id, patch: { state: 'closed' }, by: director.subject })).state, 'closed');
  const reopened = await w.updateRole.execute({ id: role.id, patch: { state: 'open', slots: 2 }, by: director.subject });
  t.match(reopened, { state: 'open', slots: 2 });
});

t.test('delete: If-Match, and the role’s auditions go with it', async (t) => {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley' });
  const audition = await w.auditionAt(role.id, (await w.actor({ name: 'Sigourney' })).id, []);
  await t.rejects(w.deleteRole.execute({ id: role.id, ifMatch: 5 }), { code: 'VERSION_MISMATCH' });
  t.equal(await w.deleteRole.execute({ id: role.id, ifMatch: 1 }), role.id);
  await t.rejects(w.getRole.execute({ id: role.id }), { code: 'ROLE_NOT_FOUND' });
  await t.rejects(w.getAudition.execute({ id: audition.id }), { code: 'AUDITION_NOT_FOUND' });
});

t.test('deleting a movie takes its roles and their auditions; deleting an actor takes theirs', async (t) => {
  const w = castingWorkflow();
  const movie = await w.movie({ title: 'Alien' });
  const role = await w.createRole.execute({ movieId: movie.id, name: 'Ripley' });
  const actor = await w.actor({ name: 'Sigourney' });
  const audition = await w.auditionAt(role.id, actor.id, []);
  await w.repos.actors.delete(actor.id);
  await t.rejects(w.getAudition.execute({ id: audition.id }), { code: 'AUDITION_NOT_FOUND' });
  await w.repos.movies.delete(movie.id);
  await t.rejects(w.getRole.execute({ id: role.id }), { code: 'ROLE_NOT_FOUND' });
});
