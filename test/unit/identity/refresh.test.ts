import t from 'tap';
import { identityKit } from './support.ts';

t.test('a refresh token rotates: the new pair works, the old token is spent', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  const next = await kit.refresh.execute({ refreshToken: pair.refreshToken });
  t.not(next.refreshToken, pair.refreshToken);
  t.match(await kit.authenticate.execute({ token: next.accessToken }), { role: 'casting_assistant' });
  const third = await kit.refresh.execute({ refreshToken: next.refreshToken });
  t.ok(third.accessToken, 'the rotated token rotates again');
});

t.test('presenting a spent token revokes the whole family', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  const next = await kit.refresh.execute({ refreshToken: pair.refreshToken });
  await t.rejects(kit.refresh.execute({ refreshToken: pair.refreshToken }), { kind: 'unauthorized', code: 'INVALID_REFRESH_TOKEN' });
  await t.rejects(
    kit.refresh.execute({ refreshToken: next.refreshToken }),
    { code: 'INVALID_REFRESH_TOKEN' },
    'the thief’s or owner’s newer token is dead too',
  );
  await t.rejects(kit.authenticate.execute({ token: next.accessToken }), { kind: 'unauthorized', code: 'SESSION_ENDED' });
});

t.test('other sessions of the same user survive a reuse', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  const other = await kit.login.execute({ username: 'ada', password: 'Secret123' });
  await kit.refresh.execute({ refreshToken: pair.refreshToken });
  await t.rejects(kit.refresh.execute({ refreshToken: pair.refreshToken }));
  t.ok(await kit.refresh.execute({ refreshToken: other.refreshToken }));
});

t.test('fifty simultaneous refreshes of one token: exactly one success', async (t) => {
  const kit = identityKit();
  const { pair } = await kit.userWithLogin('ada');
  const results = await Promise.allSettled(Array.from({ length: 50 }, () => kit.refresh.execute({ refreshToken: pair.refreshToken })));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  t.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as { kind: string }).kind === 'unauthorized'));
});

t.test('unknown, expired and garbage refresh tokens are 401', async (t) => {
  const kit = identityKit({ settings: { refreshTokenTtlSeconds: 60 } });
  const { pair } = await kit.userWithLogin('ada');
  await t.rejects(kit.refresh.execute({ refreshToken: 'not-a-token' }), { code: 'INVALID_REFRESH_TOKEN' });
  await t.rejects(
    kit.refresh.execute({ refreshToken: pair.accessToken }),
    { code: 'INVALID_REFRESH_TOKEN' },
    'an access token is no refresh token',
  );
  kit.clock.advance(61);
  await t.rejects(kit.refresh.execute({ refreshToken: pair.refreshToken }), { code: 'INVALID_REFRESH_TOKEN' });
});

t.test('a deactivated user cannot refresh', async (t) => {
  const kit = identityKit();
  const { user, pair } = await kit.userWithLogin('ada');
  await kit.users.update(user.withChanges({ active: false }, new Date()), user.version);
  await t.rejects(kit.refresh.execute({ refreshToken: pair.refreshToken }), { code: 'INVALID_REFRESH_TOKEN' });
});
