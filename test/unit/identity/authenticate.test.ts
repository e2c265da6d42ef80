import t from 'tap';
import { GetMe } from '../../../src/application/auth/get-me.ts';
import { DeactivateUser } from '../../../src/application/users/deactivate-user.ts';
import { UpdateUser } from '../../../src/application/users/update-user.ts';
import { permissionsOf } from '../../../src/domain/permissions.ts';
import { identityKit } from './support.ts';

t.test('a valid own token gives the principal with the role’s permissions', async (t) => {
  const kit = identityKit();
  const { user, pair } = await kit.userWithLogin('dir', 'casting_director');
  const principal = await kit.authenticate.execute({ token: pair.accessToken });
  t.match(principal, { subject: String(user.id), userId: user.id, role: 'casting_director', external: false });
  t.same(principal.permissions, permissionsOf('casting_director'));
  const me = await new GetMe(kit.users).execute({ principal });
  t.equal(me.user?.username, 'dir');
});

t.test('logout makes the access token fail on the next request', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  const principal = await kit.authenticate.execute({ token: pair.accessToken });
  await kit.logout.execute({ principal });
  await t.rejects(kit.authenticate.execute({ token: pair.accessToken }), { kind: 'unauthorized', code: 'SESSION_ENDED' });
  await t.rejects(kit.refresh.execute({ refreshToken: pair.refreshToken }), { name: 'DomainError', kind: 'unauthorized' });
});

t.test('demotion takes effect on the next request, whatever the token says', async (t) => {
  const kit = identityKit();
  await kit.userWithLogin('root', 'admin');
  const { user, pair } = await kit.userWithLogin('boss', 'admin');
  await new UpdateUser(kit.users, kit.sessions, kit.clock, kit.hasher).execute({ id: user.id, patch: { role: 'casting_assistant' } });
  const principal = await kit.authenticate.execute({ token: pair.accessToken });
  t.equal(principal.role, 'casting_assistant');
  t.notOk(principal.permissions.includes('manage:users'));
  const claims = await kit.tokens.verifyAccessToken(pair.accessToken);
  t.ok(claims.permissions.includes('manage:users'), 'the token still claims admin permissions');
});

t.test('deactivation takes effect on the next request and revokes every session', async (t) => {
  const kit = identityKit();
  await kit.userWithLogin('root', 'admin');
  const { user, pair } = await kit.userWithLogin('ada');
  const second = await kit.login.execute({ username: 'ada', password: 'Secret123' });
  await new DeactivateUser(kit.users, kit.sessions, kit.clock).execute({ id: user.id });
  await t.rejects(kit.authenticate.execute({ token: pair.accessToken }), { name: 'DomainError', kind: 'unauthorized' });
  await t.rejects(kit.authenticate.execute({ token: second.accessToken }), { name: 'DomainError', kind: 'unauthorized' });
  await t.rejects(kit.refresh.execute({ refreshToken: second.refreshToken }), { name: 'DomainError', kind: 'unauthorized' });
});

t.test('an inactive flag alone (sessions untouched) is still refused', async (t) => {
  const kit = identityKit();
  const { user, pair } = await kit.userWithLogin('ada');
  await kit.users.update(user.withChanges({ active: false }, new Date()), user.version);
  await t.rejects(kit.authenticate.execute({ token: pair.accessToken }), { code: 'ACCOUNT_INACTIVE' });
});

t.test('a session past its absolute expiry is refused', async (t) => {
  const kit = identityKit({ settings: { refreshTokenTtlSeconds: 300 } });
  const { pair } = await kit.userWithLogin('ada');
  kit.clock.advance(301);
  await t.rejects(kit.authenticate.execute({ token: pair.accessToken }), { name: 'DomainError', kind: 'unauthorized' });
});

t.test('a token for a session that does not exist is refused', async (t) => {
  const kit = identityKit();
  const { user } = await kit.userWithLogin('ada');
  const forged = await kit.tokens.issueAccessToken({
    userId: user.id,
    name: 'x',
    username: 'ada',
    sessionId: 'no-such-session',
    permissions: [],
  });
  await t.rejects(kit.authenticate.execute({ token: forged.token }), { kind: 'unauthorized', code: 'INVALID_TOKEN' });
});

t.test('a token whose user does not own the session is refused', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  const { user: eve } = await kit.userWithLogin('eve');
  const { sessionId } = await kit.tokens.verifyAccessToken(pair.accessToken);
  const forged = await kit.tokens.issueAccessToken({ userId: eve.id, name: 'x', username: 'eve', sessionId, permissions: [] });
  await t.rejects(kit.authenticate.execute({ token: forged.token }), { code: 'INVALID_TOKEN' });
});

t.test('garbage and refresh tokens are not access tokens', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  for (const token of ['', 'garbage', pair.refreshToken, 'a.b.c']) {
    await t.rejects(kit.authenticate.execute({ token }), { kind: 'unauthorized', code: 'INVALID_TOKEN' }, JSON.stringify(token));
  }
});

t.test('logout of an external principal (no session) revokes nothing and says so', async (t) => {
  const kit = identityKit();
  const principal = { subject: 'auth0|x', permissions: [], external: true };
  await t.rejects(kit.logout.execute({ principal }), { kind: 'conflict', code: 'EXTERNAL_SESSION' });
});
