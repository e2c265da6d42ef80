import t, { type Test } from 'tap';
import type { StoreFailurePolicy } from '../../src/adapters/http/rate-limit-health.ts';
import { buildAuthApp, PASSWORD } from '../support/auth.ts';
import { needsRedis, TEST_REDIS_URL } from '../support/services.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

/*
 * Redis through a proxy that holds every connection without answering (a hung server or a
 * black-holed network), then forwards again.
 */
const redisUrl = new URL(TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const REDIS = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) };

async function appWithSilentRedis(t: Test, storeFailure?: StoreFailurePolicy) {
  const proxy = await startTcpProxy(REDIS, 'stalled');
  t.teardown(() => proxy.close());
  const lines: string[] = [];
  const log = {
    warn: (_: object, message: string) => void lines.push(`warn ${message}`),
    info: (m: string) => void lines.push(`info ${m}`),
  };
  const redisUrl = `redis://127.0.0.1:${proxy.port}`;
  const auth = await buildAuthApp({ rateLimit: { redisUrl, nameSpace: `outage-${process.pid}:`, storeFailure, log } });
  t.teardown(() => auth.app.close());
  await auth.createUser('casting_assistant', 'owner');
  const login = (password: string) => auth.app.inject({ method: 'POST', url: '/auth', payload: { username: 'owner', password } });
  const metrics = async () => (await auth.app.inject('/metrics')).body;
  return { proxy, lines, login, metrics };
}

t.test('open (the default): logins go through uncounted; the outage is logged once and shows in /metrics', needsRedis, async (t) => {
  const { proxy, lines, login, metrics } = await appWithSilentRedis(t);
  for (let n = 0; n < 5; n++) t.equal((await login('Wrong1234')).statusCode, 401);
  t.equal((await login(PASSWORD)).statusCode, 200);
  t.same(
    lines.filter((line) => line.startsWith('warn')),
    ['warn rate-limit store (Redis) unavailable: login and sign-up are not rate limited until it returns'],
    'one line for the whole outage, not one per request',
  );
  t.match(await metrics(), /marquee_rate_limit_store_up 0/);
  t.match(await metrics(), /marquee_rate_limit_store_errors_total [1-9]/);

  proxy.restore();
  let up = false;
  for (let attempt = 0; attempt < 100 && !up; attempt++) {
    await login(PASSWORD);
    up = /marquee_rate_limit_store_up 1/.test(await metrics());
    if (!up) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.ok(up, 'back up once Redis answers');
  t.same(
    lines.filter((line) => line.startsWith('info')),
    ['info rate-limit store (Redis) is back: rate limiting resumed'],
    'and one line for the recovery',
  );
});

t.test('closed: limited routes answer 503 with Retry-After while Redis is away; others are unaffected', needsRedis, async (t) => {
  const { login } = await appWithSilentRedis(t, 'closed');
  const refused = await login(PASSWORD);
  t.equal(refused.statusCode, 503);
  t.ok(Number(refused.headers['retry-after']) > 0);
  t.match(refused.json(), { success: false, code: 'RATE_LIMIT_STORE_UNAVAILABLE' });
});
