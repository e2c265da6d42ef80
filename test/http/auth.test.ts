import t from 'tap';
import { buildAuthApp, PASSWORD } from '../support/auth.ts';

const register = (payload: Record<string, unknown>) => ({ method: 'POST' as const, url: '/register', payload });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

t.test('POST /register: a casting assistant, strict body, duplicates ignoring case, password policy', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const ok = await auth.app.inject(register({ name: 'Ann', username: 'Ann', password: PASSWORD }));
  t.equal(ok.statusCode, 201);
  t.match(ok.headers.location, /^\/users\/\d+$/);
  t.match(ok.json(), { success: true, user: { username: 'Ann', role: 'casting_assistant', active: true }, message: String });
  t.same(Object.keys(ok.json().user).sort(), ['active', 'created_at', 'id', 'name', 'role', 'updated_at', 'username', 'version']);
  const withRole = await auth.app.inject(register({ name: 'Eve', username: 'eve', password: PASSWORD, role: 'admin' }));
  t.equal(withRole.statusCode, 400, 'a role cannot be chosen');
  t.match(withRole.json(), { code: 'INVALID_REQUEST', details: [{ path: '/role' }] });
  t.equal((await auth.app.inject(register({ name: 'Ann', username: 'ANN', password: PASSWORD }))).statusCode, 409);
  const weak = await auth.app.inject(register({ name: 'Bob', username: 'bob', password: 'short' }));
  t.equal(weak.statusCode, 422);
  t.match(weak.json(), { details: [{ path: '/password' }] });
  t.equal((await auth.app.inject(register({ name: 'Bob', username: 'bob', password: 12345678 }))).statusCode, 400, 'no coercion');
  t.equal((await auth.app.inject({ method: 'POST', url: '/auth', payload: { username: 'ann', password: PASSWORD } })).statusCode, 200);
});

t.test('REGISTRATION=closed refuses sign-up', async (t) => {
  const auth = await buildAuthApp({ identity: { settings: { registration: 'closed', refreshTokenTtlSeconds: 3600 } } });
  t.teardown(() => auth.app.close());
  const response = await auth.app.inject(register({ name: 'Ann', username: 'ann', password: PASSWORD }));
  t.equal(response.statusCode, 403);
  t.match(response.json(), { code: 'REGISTRATION_CLOSED' });
});

t.test('login: token pair; the same 401 for an unknown user, a wrong password and a deactivated account', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  await auth.createUser('casting_director', 'dora');
  const pair = await auth.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'DORA', password: PASSWORD } });
  t.equal(pair.statusCode, 200);
  t.match(pair.json(), {
    success: true,
    access_token: /^[\w-]+\.[\w-]+\.[\w-]+$/,
    refresh_token: String,
    token_type: 'Bearer',
    expires_in: 900,
  });
  const claims = JSON.parse(Buffer.from(pair.json().access_token.split('.')[1], 'base64url').toString());
  t.match(claims, { sub: String, user_id: Number, username: 'dora', iss: 'marquee', aud: 'marquee-api', sid: String, permissions: Array });
  const wrong = await auth.app.inject({ method: 'POST', url: '/auth', payload: { username: 'dora', password: 'Wrong1234' } });
  const unknown = await auth.app.inject({ method: 'POST', url: '/auth', payload: { username: 'nobody', password: PASSWORD } });
  t.equal(wrong.statusCode, 401);
  // Everything but the request id (each response carries its own) is the same.
  t.same({ ...unknown.json(), request_id: undefined }, { ...wrong.json(), request_id: undefined }, 'no enumeration');
  t.equal(wrong.headers['www-authenticate'], 'Bearer');
  t.equal((await auth.app.inject({ method: 'POST', url: '/auth', payload: { username: 'dora' } })).statusCode, 400);
});

t.test('refresh rotates; a spent token revokes its family (refresh and access tokens)', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  await auth.createUser('casting_assistant', 'rita');
  const first = await auth.login('rita');
  const refresh = (token: string) => auth.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refresh_token: token } });
  const second = await refresh(first.refresh_token);
  t.equal(second.statusCode, 200);
  t.not(second.json().refresh_token, first.refresh_token);
  const access = second.json().access_token as string;
  t.equal((await auth.app.inject({ url: '/movies', headers: bearer(access) })).statusCode, 200);
  const replay = await refresh(first.refresh_token);
  t.equal(replay.statusCode, 401, 'the spent token is refused');
  t.match(replay.json(), { code: 'INVALID_REFRESH_TOKEN' });
  t.equal((await refresh(second.json().refresh_token)).statusCode, 401, 'its family is revoked');
  t.equal((await auth.app.inject({ url: '/movies', headers: bearer(access) })).statusCode, 401, 'and its access tokens');
  t.equal((await refresh('not-a-token')).statusCode, 401);
});

t.test('fifty simultaneous refreshes of one token: exactly one success', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  await auth.createUser('casting_assistant', 'race');
  const { refresh_token } = await auth.login('race');
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => auth.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refresh_token } })),
  );
  t.equal(answers.filter((a) => a.statusCode === 200).length, 1);
  t.equal(answers.filter((a) => a.statusCode === 401).length, 49);
  const openapi = (await auth.app.inject('/docs/json')).json();
  t.match(openapi.paths['/auth/refresh'].post.description, /exactly one answers 200/, 'documented');
});

t.test('logout ends the session at once', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  await auth.createUser('casting_assistant', 'leo');
  const pair = await auth.login('leo');
  t.equal((await auth.app.inject({ url: '/auth/verify', headers: bearer(pair.access_token) })).json().valid, true);
  const out = await auth.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(pair.access_token) });
  t.equal(out.statusCode, 200);
  t.equal((await auth.app.inject({ url: '/auth/verify', headers: bearer(pair.access_token) })).statusCode, 401);
  t.equal(
    (await auth.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refresh_token: pair.refresh_token } })).statusCode,
    401,
  );
  t.equal((await auth.app.inject({ method: 'POST', url: '/auth/logout' })).statusCode, 401);
});

t.test('demotion and deactivation take effect on the next request', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const admin = await auth.as('admin', 'boss');
  const producer = await auth.as('executive_producer', 'pat');
  const create = () =>
    auth.app.inject({ method: 'POST', url: '/movies', payload: { title: `M${Math.random()}` }, headers: producer.headers });
  t.equal((await create()).statusCode, 201);
  const demote = await auth.app.inject({
    method: 'PATCH',
    url: `/users/${producer.user.id}`,
    payload: { role: 'casting_assistant' },
    headers: admin.headers,
  });
  t.equal(demote.statusCode, 200);
  t.match(demote.json(), { user: { role: 'casting_assistant' } });
  t.equal((await create()).statusCode, 403, 'the token still says producer; the database says assistant');
  const gone = await auth.app.inject({ method: 'DELETE', url: `/users/${producer.user.id}`, headers: admin.headers });
  t.same(gone.json(), { success: true, deleted: producer.user.id });
  const after = await auth.app.inject({ url: '/movies', headers: producer.headers });
  t.equal(after.statusCode, 401);
  t.equal(
    (await auth.app.inject({ url: `/users/${producer.user.id}`, headers: admin.headers })).json().user.active,
    false,
    'the row stays',
  );
  t.equal((await auth.app.inject({ method: 'POST', url: '/auth', payload: { username: 'pat', password: PASSWORD } })).statusCode, 401);
});

t.test('users: paged list without secrets, catalog-API alias, last admin protected', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const admin = await auth.as('admin', 'root');
  const target = await auth.createUser('casting_assistant', 'sam');
  const list = await auth.app.inject({ url: '/users?limit=1&sort=username.desc', headers: admin.headers });
  t.match(list.json(), { success: true, users: [{ username: 'sam' }], page: 1, limit: 1, total: 2, total_pages: 2 });
  t.match(list.headers.link, /rel="next"/);
  t.notMatch(list.body, /argon2|password|token/i, 'no hash or token leaks');
  const alias = await auth.app.inject({
    method: 'POST',
    url: `/update_user/${target.id}`,
    payload: { name: 'Samuel', email: 'sam@example.com' },
    headers: admin.headers,
  });
  t.equal(alias.statusCode, 200);
  t.match(alias.json(), { user: { name: 'Samuel', username: 'sam@example.com' } });
  t.equal(
    (await auth.app.inject({ method: 'PATCH', url: `/users/${target.id}`, payload: { password: 'x' }, headers: admin.headers })).statusCode,
    422,
    'a reset password is held to the policy',
  );
  const last = await auth.app.inject({
    method: 'PATCH',
    url: `/users/${admin.user.id}`,
    payload: { role: 'casting_director' },
    headers: admin.headers,
  });
  t.equal(last.statusCode, 409);
  t.match(last.json(), { code: 'LAST_ADMIN' });
  t.equal((await auth.app.inject({ url: '/users/999', headers: admin.headers })).statusCode, 404);
});

t.test('POST /auth/password: other sessions end, this one continues; wrong current 403, weak new 422', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const { headers } = await auth.as('casting_director', 'cleo');
  const other = bearer((await auth.login('cleo')).access_token);
  const change = (payload: Record<string, unknown>, as = headers) =>
    auth.app.inject({ method: 'POST', url: '/auth/password', payload, headers: as });
  const wrong = await change({ current_password: 'Wrong1234', new_password: 'Better456' });
  t.equal(wrong.statusCode, 403);
  t.match(wrong.json(), { success: false, code: 'WRONG_PASSWORD' });
  const weak = await change({ current_password: PASSWORD, new_password: 'weak' });
  t.equal(weak.statusCode, 422);
  t.match(weak.json(), { details: [{ path: '/new_password' }] });
  t.equal((await change({ current_password: PASSWORD })).statusCode, 400, 'both fields are required');
  t.equal((await auth.app.inject({ method: 'POST', url: '/auth/password', payload: {} })).statusCode, 401);
  const changed = await change({ current_password: PASSWORD, new_password: 'Better456' });
  t.equal(changed.statusCode, 200);
  t.match(changed.json(), { success: true, message: String });
  t.equal((await auth.app.inject({ url: '/auth/verify', headers })).statusCode, 200, 'this session continues');
  t.equal((await auth.app.inject({ url: '/auth/verify', headers: other })).statusCode, 401, 'the other one ended');
  t.ok(await auth.login('cleo', 'Better456'));
});

t.test('PATCH /users/:id with password: an admin reset ends every session of that user', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const admin = await auth.as('admin', 'root');
  const target = await auth.as('casting_assistant', 'tess');
  const reset = await auth.app.inject({
    method: 'PATCH',
    url: `/users/${target.user.id}`,
    payload: { password: 'Fresh7890' },
    headers: admin.headers,
  });
  t.equal(reset.statusCode, 200);
  t.notOk('password' in reset.json().user, 'the answer carries no password');
  t.equal((await auth.app.inject({ url: '/auth/verify', headers: target.headers })).statusCode, 401, "tess's session ended");
  t.ok(await auth.login('tess', 'Fresh7890'));
  t.equal((await auth.app.inject({ url: '/auth/verify', headers: admin.headers })).statusCode, 200, "the admin's did not");
});

t.test('DEMO_DATA: one user per role, whose printed password logs in', async (t) => {
  const { loadDemoData } = await import('../../src/infrastructure/demo-data.ts');
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const shown: string[] = [];
  await loadDemoData(auth.useCases, { info: () => {} }, new Date(), (text) => shown.push(text));
  for (const role of ['casting_assistant', 'casting_director', 'executive_producer', 'admin']) {
    const password = new RegExp(`^  ${role} +(\\S+)$`, 'm').exec(shown.join('\n'))?.[1];
    t.ok(password, `${role}'s password is printed`);
    const pair = await auth.login(role, password);
    const me = (await auth.app.inject({ url: '/auth/me', headers: bearer(pair.access_token) })).json();
    t.equal(me.role, role);
  }
});
