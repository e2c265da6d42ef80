import { connect } from 'node:net';
import t from 'tap';
import { buildTestApp, createMovie } from '../support/http.ts';

t.test('a trailing slash gets the same answer as the path without it', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  t.same((await app.inject('/movies/')).json().movies, (await app.inject('/movies')).json().movies);
  t.equal((await app.inject(`/movies/${movie.id}/`)).json().movie.id, movie.id);
  const put = await app.inject({ method: 'PUT', url: '/movies/' });
  t.equal(put.statusCode, 405);
  t.equal(put.headers.allow, 'GET, HEAD, POST');
});

t.test('unknown query parameters are a 400 on every route, not only on lists', async (t) => {
  const { app } = await buildTestApp();
  const movie = await createMovie(app);
  for (const [method, url] of [
    ['GET', `/movies/${movie.id}?x=1`],
    ['GET', '/genres?verbose=true'],
    ['GET', '/health/live?x=1'],
    ['POST', '/movies?x=1'],
    ['DELETE', `/movies/${movie.id}?force=true`],
  ] as const) {
    const response = await app.inject({ method, url, ...(method === 'POST' && { payload: { title: 'Query' } }) });
    t.equal(response.statusCode, 400, url);
    t.match(response.json(), { code: 'INVALID_REQUEST', details: [{ message: /unknown field/ }] }, url);
  }
  t.equal((await app.inject(`/movies/${movie.id}`)).statusCode, 200, 'the refused DELETE deleted nothing');
});

t.test('bad URLs and over-long path segments answer with the envelope and a request id', async (t) => {
  const { app } = await buildTestApp();
  for (const [url, status, code] of [
    ['/movies/%ED%A0%80', 400, 'BAD_URL'],
    ['/movies/%zz', 400, 'BAD_URL'],
    [`/movies/${'1'.repeat(200)}`, 414, 'URI_TOO_LONG'],
  ] as const) {
    const response = await app.inject(url);
    t.equal(response.statusCode, status, url);
    t.match(response.json(), { success: false, error: status, code, details: [], request_id: response.headers['x-request-id'] }, url);
  }
});

t.test('X-Request-Id from the client is kept only when it is a short token', async (t) => {
  const { app } = await buildTestApp();
  const idOf = async (id: string) => (await app.inject({ url: '/health/live', headers: { 'x-request-id': id } })).headers['x-request-id'];
  t.equal(await idOf('trace-42.a:b_C'), 'trace-42.a:b_C');
  for (const hostile of ['has space', 'x'.repeat(65), '<script>', 'a\tb', '']) {
    const id = await idOf(hostile);
    t.not(id, hostile, JSON.stringify(hostile));
    t.match(id, /^[0-9a-f-]{36}$/, 'a generated id instead');
  }
});

t.test('a body with 50,000 unknown keys gets a short answer: 20 details and a count', async (t) => {
  const { app } = await buildTestApp();
  const payload = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 1])));
  const response = await app.inject({ method: 'POST', url: '/movies', headers: { 'content-type': 'application/json' }, payload });
  t.equal(response.statusCode, 400);
  t.ok(response.body.length < 5_000, `${response.body.length} bytes`);
  t.equal(response.json().details.length, 20);
  t.match(response.json().message, /and 49981 more problems$/); // 50,000 unknown fields + the missing title, less 20
});

t.test('what Node refuses before Fastify (huge headers, broken HTTP) carries the envelope', async (t) => {
  const { app } = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => app.close());
  const { port } = app.server.address() as { port: number };
  const raw = (text: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(text));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', () => undefined);
    });
  const huge = await raw(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  t.match(huge, /^HTTP\/1\.1 431 /);
  t.match(JSON.parse(huge.split('\r\n\r\n')[1] ?? ''), { success: false, error: 431, code: 'HEADERS_TOO_LARGE', request_id: String });
  const broken = await raw('NONSENSE\r\n\r\n');
  t.match(broken, /^HTTP\/1\.1 400 /);
  t.match(JSON.parse(broken.split('\r\n\r\n')[1] ?? ''), { success: false, error: 400, code: 'BAD_REQUEST' });
});

t.test('a body that stops arriving is a 408 with the envelope once the request time is up', async (t) => {
  const { app } = await buildTestApp({ requestTimeoutMs: 300 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => app.close());
  const { port } = app.server.address() as { port: number };
  const started = Date.now();
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write('POST /movies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"ti'),
    );
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
  t.match(answer, /^HTTP\/1\.1 408 /);
  t.match(JSON.parse(answer.split('\r\n\r\n')[1] ?? ''), { success: false, error: 408, code: 'REQUEST_TIMEOUT', request_id: String });
  t.ok(Date.now() - started < 5_000, `answered ${Date.now() - started} ms after the request began (limit 300 ms)`);
});
