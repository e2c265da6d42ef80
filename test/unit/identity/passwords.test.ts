import t from 'tap';
import { ChangePassword } from '../../../src/application/auth/change-password.ts';
import { PruneSessions } from '../../../src/application/auth/prune-sessions.ts';
import { ResetPassword } from '../../../src/application/users/reset-password.ts';
import { UpdateUser } from '../../../src/application/users/update-user.ts';
import { GOOD_PASSWORD, identityKit } from './support.ts';

const NEW_PASSWORD = 'Better456';
const ENDED = { kind: 'unauthorized', code: 'SESSION_ENDED' };

async function twoSessions(kit: ReturnType<typeof identityKit>, username = 'ada') {
  const { user, pair: current } = await kit.userWithLogin(username);
  const other = await kit.login.execute({ username, password: GOOD_PASSWORD });
  const principal = await kit.authenticate.execute({ token: current.accessToken });
  return { user, current, other, principal };
}

t.test('a user changes their password with the current one: other sessions end, this one continues', async (t) => {
  const kit = identityKit();
  const { current, other, principal } = await twoSessions(kit);
  const change = new ChangePassword(kit.users, kit.sessions, kit.hasher, kit.clock);
  await change.execute({ principal, currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
  t.ok(await kit.authenticate.execute({ token: current.accessToken }), 'the current session goes on');
  await t.rejects(kit.authenticate.execute({ token: other.accessToken }), ENDED, 'the other session ended');
  await t.rejects(
    kit.refresh.execute({ refreshToken: other.refreshToken }),
    { name: 'DomainError', kind: 'unauthorized' },
    'its refresh token too',
  );
  await t.rejects(kit.login.execute({ username: 'ada', password: GOOD_PASSWORD }), { code: 'INVALID_CREDENTIALS' });
  t.ok(await kit.login.execute({ username: 'ada', password: NEW_PASSWORD }), 'the new password works');
});

t.test('a wrong current password is 403 WRONG_PASSWORD, a weak new one 422 at /new_password; nothing changes', async (t) => {
  const kit = identityKit();
  const { other, principal } = await twoSessions(kit);
  const change = new ChangePassword(kit.users, kit.sessions, kit.hasher, kit.clock);
  await t.rejects(change.execute({ principal, currentPassword: 'Wrong1234', newPassword: NEW_PASSWORD }), {
    name: 'DomainError',
    kind: 'forbidden',
    code: 'WRONG_PASSWORD',
  });
  await t.rejects(change.execute({ principal, currentPassword: GOOD_PASSWORD, newPassword: 'short' }), {
    name: 'DomainError',
    kind: 'validation',
    details: [{ path: '/new_password' }],
  });
  t.ok(await kit.authenticate.execute({ token: other.accessToken }), 'no session ended');
  t.ok(await kit.login.execute({ username: 'ada', password: GOOD_PASSWORD }), 'the old password still works');
  const external = { subject: 'auth0|x', permissions: [], external: true };
  await t.rejects(change.execute({ principal: external, currentPassword: 'a', newPassword: NEW_PASSWORD }), { code: 'EXTERNAL_SESSION' });
});

t.test('an admin reset (PATCH with password) ends every session of that user', async (t) => {
  const kit = identityKit();
  const { user, current, other } = await twoSessions(kit);
  const update = new UpdateUser(kit.users, kit.sessions, kit.clock, kit.hasher);
  await t.rejects(update.execute({ id: user.id, patch: { password: 'weak' } }), {
    name: 'DomainError',
    kind: 'validation',
    details: [{ path: '/password' }],
  });
  t.ok(await kit.authenticate.execute({ token: current.accessToken }), 'a refused reset ends nothing');
  const reset = await update.execute({ id: user.id, patch: { password: NEW_PASSWORD, name: 'Ada L.' } });
  t.equal(reset.name, 'Ada L.');
  t.equal(reset.version, user.version + 1, 'one change, one version');
  for (const pair of [current, other]) await t.rejects(kit.authenticate.execute({ token: pair.accessToken }), ENDED);
  t.ok(await kit.login.execute({ username: 'ada', password: NEW_PASSWORD }));
});

t.test('ResetPassword (npm run user:password) by username: all sessions end', async (t) => {
  const kit = identityKit();
  const { current } = await twoSessions(kit, 'root');
  const reset = new ResetPassword(kit.users, kit.sessions, kit.hasher, kit.clock);
  await reset.execute({ username: 'ROOT', password: NEW_PASSWORD });
  await t.rejects(kit.authenticate.execute({ token: current.accessToken }), ENDED);
  t.ok(await kit.login.execute({ username: 'root', password: NEW_PASSWORD }));
  await t.rejects(reset.execute({ username: 'nobody', password: NEW_PASSWORD }), { name: 'DomainError', kind: 'not_found' });
  await t.rejects(reset.execute({ username: 'root', password: 'weak' }), { name: 'DomainError', kind: 'validation' });
});

t.test('PruneSessions deletes expired sessions and those revoked longer ago than the grace', async (t) => {
  const kit = identityKit();
  const { current, other } = await twoSessions(kit);
  await kit.logout.execute({ principal: await kit.authenticate.execute({ token: other.accessToken }) });
  const prune = new PruneSessions(kit.sessions, kit.clock);
  t.equal(await prune.execute({ revokedGraceSeconds: 900 }), 0, 'just revoked: kept, so it still answers SESSION_ENDED');
  kit.clock.advance(901);
  t.equal(await prune.execute({ revokedGraceSeconds: 900 }), 1, 'revoked longer ago than an access token lives');
  await t.rejects(kit.authenticate.execute({ token: other.accessToken }), { name: 'DomainError', kind: 'unauthorized' });
  t.ok(await kit.refresh.execute({ refreshToken: current.refreshToken }), 'the live session stays');
  kit.clock.advance(31 * 86_400);
  t.equal(await prune.execute({ revokedGraceSeconds: 900 }), 1, 'expired');
});
