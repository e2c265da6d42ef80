import t from 'tap';
import { GOOD_PASSWORD, identityKit } from './support.ts';

t.test('the right password gives a token pair', async (t) => {
  const kit = identityKit();
  const { user, pair } = await kit.userWithLogin('ada');
  t.equal(pair.tokenType, 'Bearer');
  t.equal(pair.expiresIn, 900);
  const claims = await kit.tokens.verifyAccessToken(pair.accessToken);
  t.match(claims, { sub: String(user.id), userId: user.id, username: 'ada', permissions: ['get:movies', 'get:actors'] });
  t.not(pair.refreshToken, pair.accessToken);
});

t.test('the username matches ignoring case', async (t) => {
  const kit = identityKit();
  await kit.createUser.execute({ name: 'Ada', username: 'Ada', password: GOOD_PASSWORD, role: 'admin' });
  const pair = await kit.login.execute({ username: 'ADA', password: GOOD_PASSWORD });
  t.ok(pair.accessToken);
});

t.test('unknown user, wrong password and inactive account all give the same 401', async (t) => {
  const kit = identityKit();
  const { user } = await kit.userWithLogin('ada');
  await kit.userWithLogin('gone');
  const gone = (await kit.users.findByUsername('gone'))!;
  await kit.users.update(gone.withChanges({ active: false }, new Date()), gone.version);
  const attempts = [
    { username: 'nobody', password: GOOD_PASSWORD },
    { username: 'ada', password: 'Wrong1234' },
    { username: 'gone', password: GOOD_PASSWORD },
  ];
  for (const attempt of attempts) {
    const before = kit.hasher.verifications;
    const error = await kit.login.execute(attempt).catch((e: unknown) => e);
    t.match(error, { kind: 'unauthorized', code: 'INVALID_CREDENTIALS', message: 'username or password is wrong' }, attempt.username);
    t.equal(kit.hasher.verifications - before, 1, `${attempt.username}: one hash verification either way`);
  }
  t.ok(user);
});
