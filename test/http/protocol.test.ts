import t from 'tap';
import { DomainError } from '../../src/domain/errors.ts';
import { buildAuthApp } from '../support/auth.ts';
import { buildTestApp } from '../support/http.ts';

t.test('unknown routes are 404 and known paths with another method 405 with Allow', async (t) => {
  const { app } = await buildTestApp();
  const missing = await app.inject('/nowhere');
  t.equal(missing.statusCode, 404);
  t.match(missing.json(), { success: false, error: 404, code: 'ROUTE_NOT_FOUND', details: [] });
  const put = await app.inject({ method: 'PUT', url: '/movies/3' });
  t.equal(put.statusCode, 405);
  t.equal(put.headers.allow, 'DELETE, GET, HEAD, PATCH');
  t.match(put.json(), { success: false, error: 405, code: 'METHOD_NOT_ALLOWED' });
  t.equal((await app.inject({ method: 'DELETE', url: '/movies?x=1' })).headers.allow, 'GET, HEAD, POST');
  t.equal((await app.inject({ method: 'POST', url: '/health/live' })).headers.allow, 'GET, HEAD');
  t.equal((await app.inject({ method: 'PATCH', url: '/movies/1/actors/2' })).headers.allow, 'DELETE');
});

t.test('bodies: 415 for non-JSON, 413 over the limit, 400 for broken JSON', async (t) => {
  const { app } = await buildTestApp({ bodyLimitBytes: 1024 });
  const text = await app.inject({ method: 'POST', url: '/movies', payload: 'title=Heat', headers: { 'content-type': 'text/plain' } });
  t.equal(text.statusCode, 415);
  t.match(text.json(), { success: false, error: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  const form = await app.inject({
    method: 'POST',
    url: '/actors',
    payload: 'a=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(form.statusCode, 415);
  const big = await app.inject({ method: 'POST', url: '/movies', payload: { title: 'x'.repeat(2000) } });
  t.equal(big.statusCode, 413);
  t.match(big.json(), { error: 413, code: 'PAYLOAD_TOO_LARGE' });
  const broken = await app.inject({
    method: 'POST',
    url: '/movies',
    payload: '{"title":',
    headers: { 'content-type': 'application/json' },
  });
  t.equal(broken.statusCode, 400);
  t.match(broken.json(), { error: 400, code: 'INVALID_JSON' });
  const array = await app.inject({ method: 'POST', url: '/movies', payload: '[]', headers: { 'content-type': 'application/json' } });
  t.equal(array.statusCode, 400);
  const poisoned = await app.inject({
    method: 'POST',
    url: '/movies',
    payload: '{"title":"x","__proto__":{"a":1}}',
    headers: { 'content-type': 'application/json' },
  });
  t.equal(poisoned.statusCode, 400);
});

t.test('an unexpected failure is a 500 that says nothing internal and carries the request id', async (t) => {
  const { app, repositories } = await buildTestApp();
  repositories.movies.list = async () => {
    throw new Error('connection to 10.0.0.7 refused: password=hunter2');
  };
  const response = await app.inject({ url: '/movies', headers: { 'x-request-id': 'req-42' } });
  t.equal(response.statusCode, 500);
  const body = response.json();
  t.match(body, { success: false, error: 500, code: 'INTERNAL_ERROR', request_id: 'req-42' });
  t.notMatch(response.body, /10\.0\.0\.7|hunter2|Error/);
  t.equal(response.headers['x-request-id'], 'req-42');
});

t.test('domain errors map to their statuses and headers', async (t) => {
  const { app, repositories } = await buildTestApp();
  const failWith = (error: DomainError) => {
    repositories.movies.genres = async () => {
      throw error;
    };
  };
  failWith(new DomainError('unavailable', 'DATABASE_UNAVAILABLE', 'the database is not reachable'));
  const down = await app.inject('/genres');
  t.equal(down.statusCode, 503);
  t.equal(down.headers['retry-after'], '5');
  failWith(new DomainError('unauthorized', 'INVALID_TOKEN', 'bad token'));
  const unauthorized = await app.inject('/genres');
  t.equal(unauthorized.statusCode, 401);
  t.equal(unauthorized.headers['www-authenticate'], 'Bearer');
  failWith(new DomainError('forbidden', 'FORBIDDEN', 'no'));
  t.equal((await app.inject('/genres')).statusCode, 403);
});

t.test('health: live always, ready only when the database answers', async (t) => {
  let ready = true;
  const { app } = await buildTestApp({ isReady: async () => ready });
  t.same((await app.inject('/health/live')).json(), { success: true, status: 'live' });
  t.same((await app.inject('/health/ready')).json(), { success: true, status: 'ready' });
  ready = false;
  const notReady = await app.inject('/health/ready');
  t.equal(notReady.statusCode, 503);
  t.equal(notReady.headers['retry-after'], '5');
  t.match(notReady.json(), { success: false, error: 503, code: 'NOT_READY' });
  const { app: broken } = await buildTestApp({ isReady: async () => Promise.reject(new Error('boom')) });
  t.equal((await broken.inject('/health/ready')).statusCode, 503);
});

t.test('security headers and CORS only for listed origins', async (t) => {
  const { app } = await buildTestApp({ corsOrigins: ['https://agency.example'] });
  const listed = await app.inject({ url: '/health/live', headers: { origin: 'https://agency.example' } });
  t.equal(listed.headers['access-control-allow-origin'], 'https://agency.example');
  t.equal(listed.headers['x-content-type-options'], 'nosniff');
  t.ok(listed.headers['content-security-policy']);
  const other = await app.inject({ url: '/health/live', headers: { origin: 'https://evil.example' } });
  t.notOk(other.headers['access-control-allow-origin']);
  const { app: closed } = await buildTestApp();
  const none = await closed.inject({ url: '/health/live', headers: { origin: 'https://agency.example' } });
  t.notOk(none.headers['access-control-allow-origin'], 'an empty list allows no origin');
});

t.test('an empty JSON body is no body: fine on DELETE, a 400 where a body is required', async (t) => {
  const { app } = await buildTestApp();
  const json = { 'content-type': 'application/json' };
  const movie = (await app.inject({ method: 'POST', url: '/movies', payload: { title: 'Heat' } })).json().movie;
  t.equal((await app.inject({ method: 'DELETE', url: `/movies/${movie.id}`, headers: json })).statusCode, 200);
  const empty = await app.inject({ method: 'POST', url: '/movies', headers: json });
  t.equal(empty.statusCode, 400);
  t.match(empty.json(), { code: 'INVALID_REQUEST' });
});

t.test('CORS preflight for a listed origin', async (t) => {
  const { app } = await buildTestApp({ corsOrigins: ['https://agency.example'] });
  const headers = { origin: 'https://agency.example', 'access-control-request-method': 'PATCH' };
  const preflight = await app.inject({ method: 'OPTIONS', url: '/movies/1', headers });
  t.equal(preflight.statusCode, 204);
  t.match(preflight.headers['access-control-allow-methods'], /PATCH/);
  t.match(preflight.headers['access-control-allow-headers'], /if-match/);
});

/** Helmet's defaults, as every answer must carry them (DESIGN: security headers). */
const SECURITY_HEADERS = {
  'content-security-policy': /^default-src 'self';.*object-src 'none';.*upgrade-insecure-requests$/,
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
  'x-request-id': /^[0-9a-f-]{36}$/,
};

t.test('every answer carries the security headers and its request id: 200, 304, 401, 403, 404, 405, 500', async (t) => {
  const auth = await buildAuthApp();
  const { headers } = await auth.as('casting_assistant');
  const movie = await auth.useCases.createMovie.execute({ title: 'Heat' });
  const read = await auth.app.inject({ url: `/movies/${movie.id}`, headers });
  t.equal(read.statusCode, 200);
  const answers = [
    read,
    await auth.app.inject({ url: `/movies/${movie.id}`, headers: { ...headers, 'if-none-match': String(read.headers.etag) } }),
    await auth.app.inject({ url: `/movies/${movie.id}` }),
    await auth.app.inject({ method: 'DELETE', url: `/movies/${movie.id}`, headers }),
    await auth.app.inject({ url: '/movies/999999', headers }),
    await auth.app.inject({ method: 'PUT', url: `/movies/${movie.id}` }),
  ];
  const { app: broken } = await buildTestApp({ authorize: () => Promise.reject(new Error('the database fell over')) });
  answers.push(await broken.inject('/movies/1'));
  t.same(
    answers.map((answer) => answer.statusCode),
    [200, 304, 401, 403, 404, 405, 500],
  );
  for (const answer of answers) t.match(answer.headers, SECURITY_HEADERS, `${answer.statusCode}`);
});
