import t from 'tap';
import { EnsureAdmin } from '../../../src/application/users/ensure-admin.ts';
import { GetUser } from '../../../src/application/users/get-user.ts';
import { ListUsers } from '../../../src/application/users/list-users.ts';
import { UpdateUser } from '../../../src/application/users/update-user.ts';
import { DeactivateUser } from '../../../src/application/users/deactivate-user.ts';
import { GOOD_PASSWORD, identityKit } from './support.ts';

const useCases = (kit: ReturnType<typeof identityKit>) => ({
  update: new UpdateUser(kit.users, kit.sessions, kit.clock, kit.hasher),
  deactivate: new DeactivateUser(kit.users, kit.sessions, kit.clock),
  ensureAdmin: new EnsureAdmin(kit.users, kit.hasher, kit.clock),
});

t.test('users are listed in pages, sorted, and fetched by id', async (t) => {
  const kit = identityKit();
  for (const name of ['carol', 'Alice', 'bob'])
    await kit.createUser.execute({ name, username: name, password: GOOD_PASSWORD, role: 'casting_assistant' });
  const page = await new ListUsers(kit.users).execute({ page: { page: 1, limit: 2, sort: [{ field: 'username', direction: 'asc' }] } });
  t.same(
    page.items.map((u) => u.username),
    ['Alice', 'bob'],
  );
  t.equal(page.total, 3);
  t.equal((await new GetUser(kit.users).execute({ id: page.items[0]!.id })).username, 'Alice');
  await t.rejects(new GetUser(kit.users).execute({ id: 999 }), { kind: 'not_found', code: 'USER_NOT_FOUND' });
});

t.test('an admin edits name, username and role; a clash is a conflict; a stale version a 412', async (t) => {
  const kit = identityKit();
  const { update } = useCases(kit);
  const ada = await kit.createUser.execute({ name: 'Ada', username: 'ada', password: GOOD_PASSWORD, role: 'casting_assistant' });
  await kit.createUser.execute({ name: 'Bob', username: 'bob', password: GOOD_PASSWORD, role: 'casting_assistant' });
  const changed = await update.execute({ id: ada.id, patch: { name: 'Ada L.', username: 'ada.l', role: 'casting_director' } });
  t.match(changed, { name: 'Ada L.', username: 'ada.l', role: 'casting_director', version: 2 });
  await t.rejects(update.execute({ id: ada.id, patch: { username: 'BOB' } }), { kind: 'conflict', code: 'USERNAME_TAKEN' });
  await t.rejects(update.execute({ id: ada.id, patch: { name: 'x' }, ifMatch: 1 }), { name: 'DomainError', kind: 'precondition' });
  await t.rejects(update.execute({ id: ada.id, patch: { username: 'no spaces' } }), { name: 'DomainError', kind: 'validation' });
  await t.rejects(update.execute({ id: 999, patch: { name: 'x' } }), { name: 'DomainError', kind: 'not_found' });
});

t.test('the last active admin cannot be demoted or deactivated', async (t) => {
  const kit = identityKit();
  const { update, deactivate } = useCases(kit);
  const root = await kit.createUser.execute({ name: 'Root', username: 'root', password: GOOD_PASSWORD, role: 'admin' });
  await t.rejects(update.execute({ id: root.id, patch: { role: 'casting_director' } }), { kind: 'conflict', code: 'LAST_ADMIN' });
  await t.rejects(deactivate.execute({ id: root.id }), { code: 'LAST_ADMIN' });
  await kit.createUser.execute({ name: 'Two', username: 'two', password: GOOD_PASSWORD, role: 'admin' });
  t.equal((await deactivate.execute({ id: root.id })).active, false, 'fine once another admin exists');
});

t.test('EnsureAdmin creates the admin only when there is none', async (t) => {
  const kit = identityKit();
  const { ensureAdmin } = useCases(kit);
  await t.rejects(ensureAdmin.execute({ username: 'root', password: 'weak' }), { name: 'DomainError', kind: 'validation' });
  const first = await ensureAdmin.execute({ username: 'root', password: GOOD_PASSWORD });
  t.match(first.created, { username: 'root', role: 'admin', active: true });
  const second = await ensureAdmin.execute({ username: 'other', password: GOOD_PASSWORD });
  t.equal(second.created, null);
  t.equal(await kit.users.countActiveAdmins(), 1);
  t.ok(await kit.login.execute({ username: 'root', password: GOOD_PASSWORD }));
});

t.test('EnsureAdmin refuses a username a non-admin already holds', async (t) => {
  const kit = identityKit();
  await kit.register.execute({ name: 'Squatter', username: 'root', password: GOOD_PASSWORD });
  await t.rejects(useCases(kit).ensureAdmin.execute({ username: 'ROOT', password: GOOD_PASSWORD }), { code: 'USERNAME_TAKEN' });
});
