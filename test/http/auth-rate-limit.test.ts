import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import t, { type Test } from 'tap';
import type { RateLimitOptions } from '../../src/adapters/http/rate-limit.ts';
import { buildAuthApp, PASSWORD } from '../support/auth.ts';
import { needsRedis, TEST_REDIS_URL } from '../support/services.ts';

const REDIS_URL = TEST_REDIS_URL ?? '';
const LIMITS = { perClient: 5, perUsernameAndClient: 2, perUsername: 3, windowMs: 60_000, slowdownMs: 1 };

type Inject = Awaited<ReturnType<typeof buildAuthApp>>['app']['inject'];
const login = (inject: Inject, username: string, ip = '10.0.0.1', password = 'Wrong1234') =>
  inject({ method: 'POST', url: '/auth', payload: { username, password }, remoteAddress: ip });

async function limitsApply(t: Test, rateLimit: RateLimitOptions) {
  const auth = await buildAuthApp({ rateLimit: { ...LIMITS, ...rateLimit } });
  t.teardown(() => auth.app.close());
  await auth.createUser('casting_assistant', 'victim');
  const inject = auth.app.inject.bind(auth.app);

  // An attack on one username from many addresses: the owner, from a clean client, still gets in.
  for (const ip of ['10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.4']) t.equal((await login(inject, 'victim', ip)).statusCode, 401);
  const owner = await login(inject, 'VICTIM', '10.0.9.9', PASSWORD);
  t.equal(owner.statusCode, 200, 'the owner logs in during the attack');
  const attacker = await login(inject, 'victim', '10.0.1.1', PASSWORD);
  t.equal(attacker.statusCode, 429, 'an address that failed for the attacked username is refused, even with the password');
  t.match(attacker.json(), { success: false, error: 429, code: 'RATE_LIMITED' });
  t.ok(Number(attacker.headers['retry-after']) > 0 && Number(attacker.headers['retry-after']) <= 60, 'with Retry-After');
  t.equal((await login(inject, 'victim', '10.0.1.9')).statusCode, 401, 'a new address gets one try (slowed)…');
  t.equal((await login(inject, 'victim', '10.0.1.9')).statusCode, 429, '…and no second');

  // Per username and client: two failures for one name from one address.
  for (const n of [1, 2]) t.equal((await login(inject, 'ann', '10.0.4.1')).statusCode, 401, `ann ${n}`);
  t.equal((await login(inject, 'ann', '10.0.4.1')).statusCode, 429, 'per username and client');
  t.equal((await login(inject, 'bob', '10.0.4.1')).statusCode, 401, 'other usernames from that client still answer');

  // Credential stuffing: one client, 50 usernames.
  const answers: number[] = [];
  for (let n = 0; n < 50; n++) answers.push((await login(inject, `user${n}`, '10.0.2.1')).statusCode);
  t.same(answers, [...Array(5).fill(401), ...Array(45).fill(429)], 'five failures, then 429 for every other username');
  t.equal((await login(inject, 'user49', '10.0.2.2')).statusCode, 401, 'another client is not affected');

  // A success forgives the client's failures for that username.
  await auth.createUser('casting_director', 'dora');
  t.equal((await login(inject, 'dora', '10.0.5.1')).statusCode, 401);
  t.equal((await login(inject, 'dora', '10.0.5.1', PASSWORD)).statusCode, 200);
  t.equal((await login(inject, 'dora', '10.0.5.1')).statusCode, 401);
  t.equal((await login(inject, 'dora', '10.0.5.1', PASSWORD)).statusCode, 200, 'a typo after a success does not lock dora out');

  // Sign-ups are counted per client, every attempt.
  const sign = (n: number) =>
    inject({
      method: 'POST',
      url: '/register',
      payload: { name: 'N', username: `new${n}`, password: PASSWORD },
      remoteAddress: '10.0.3.1',
    });
  for (const n of [1, 2, 3, 4, 5]) t.equal((await sign(n)).statusCode, 201);
  const refused = await sign(6);
  t.equal(refused.statusCode, 429);
  t.ok(refused.headers['retry-after']);
  t.equal((await auth.app.inject({ method: 'GET', url: '/auth/verify' })).statusCode, 401, 'other routes are not limited');
}

t.test('in memory: failures limited per client and per username and client; nobody locked out', (t) => limitsApply(t, {}));

t.test('with Redis: the same, with counters in Redis under the configured prefix', needsRedis, async (t) => {
  const nameSpace = `marquee-test-${process.pid}-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  t.teardown(async () => {
    const keys = await redis.keys(`${nameSpace}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  await redis.connect();
  await limitsApply(t, { redisUrl: REDIS_URL, nameSpace });
  const keys = await redis.keys(`${nameSpace}*`);
  t.ok(
    keys.some((key) => key.includes('login:user:victim')),
    'a per-username counter is in Redis',
  );
  t.ok(
    keys.some((key) => key.includes('login:ip:10.0.2.1')),
    'a per-client counter is in Redis',
  );
  t.ok((await redis.pttl(keys[0]!)) > 0, 'counters expire with their window');
});

t.test('TRUST_PROXY: behind a listed proxy the client is the X-Forwarded-For address; elsewhere the header is ignored', async (t) => {
  const limits = { perClient: 3, perUsername: 1000, windowMs: 60_000 };
  const attempt = (inject: Inject, n: number, peer: string, forwardedFor: string) =>
    inject({
      method: 'POST',
      url: '/auth',
      payload: { username: `user${n}`, password: 'Wrong1234' },
      remoteAddress: peer,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  const behind = await buildAuthApp({ rateLimit: limits, trustProxy: ['127.0.0.1'] });
  t.teardown(() => behind.app.close());
  const viaProxy = behind.app.inject.bind(behind.app);
  for (const n of [1, 2, 3]) t.equal((await attempt(viaProxy, n, '127.0.0.1', '203.0.113.7')).statusCode, 401);
  t.equal((await attempt(viaProxy, 4, '127.0.0.1', '203.0.113.7')).statusCode, 429, 'that client is limited');
  t.equal((await attempt(viaProxy, 5, '127.0.0.1', '203.0.113.8')).statusCode, 401, 'another client behind the same proxy is not');
  for (const n of [6, 7, 8]) t.equal((await attempt(viaProxy, n, '198.51.100.1', `192.0.2.${n}`)).statusCode, 401);
  t.equal(
    (await attempt(viaProxy, 9, '198.51.100.1', '192.0.2.9')).statusCode,
    429,
    'a peer that is no listed proxy cannot choose its address',
  );

  const direct = await buildAuthApp({ rateLimit: limits });
  t.teardown(() => direct.app.close());
  const inject = direct.app.inject.bind(direct.app);
  for (const n of [1, 2, 3]) t.equal((await attempt(inject, n, '127.0.0.1', `203.0.113.${n}`)).statusCode, 401);
  t.equal((await attempt(inject, 4, '127.0.0.1', '203.0.113.4')).statusCode, 429, 'unset: the TCP peer is the client');
});

t.test('POST /auth/password: a stolen token cannot brute-force the current password', async (t) => {
  const auth = await buildAuthApp({ rateLimit: { ...LIMITS, perClient: 100 } });
  t.teardown(() => auth.app.close());
  const stolen = await auth.as('casting_assistant', 'vera');
  const change = (current: string, ip = '10.0.6.1', headers = stolen.headers) =>
    auth.app.inject({
      method: 'POST',
      url: '/auth/password',
      headers,
      payload: { current_password: current, new_password: 'Changed123' },
      remoteAddress: ip,
    });
  for (const n of [1, 2]) t.equal((await change(`Guess${n}234`)).statusCode, 403, `wrong guess ${n}: 403 WRONG_PASSWORD`);
  const refused = await change('Guess3234');
  t.equal(refused.statusCode, 429, 'the third guess from that client is refused');
  t.match(refused.json(), { success: false, error: 429, code: 'RATE_LIMITED' });
  t.ok(Number(refused.headers['retry-after']) > 0, 'with Retry-After');
  t.equal((await change(PASSWORD)).statusCode, 429, 'even the right password, so guessing gains nothing');
  t.equal((await change('Guess4234', '10.0.6.2')).statusCode, 403, 'a second address gets its own tries');
  t.equal((await change('Guess5234', '10.0.6.3')).statusCode, 403, 'with the account under attack, a new address gets one try…');
  t.equal((await change('Guess6234', '10.0.6.3')).statusCode, 429, '…and no second');

  const owner = await auth.login('vera');
  const ownerHeaders = { authorization: `Bearer ${owner.access_token}` };
  t.equal((await change(PASSWORD, '10.0.9.9', ownerHeaders)).statusCode, 200, 'the owner, from a clean client, still changes it');
});
