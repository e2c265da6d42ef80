import t from 'tap';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../src/domain/permissions.ts';
import { buildAuthApp, headersByRole, type AuthApp } from '../support/auth.ts';

/*
 * The role × route matrix, generated: the routes and the permission each declares come from
 * the running app (its OpenAPI document is built from the routes' config.permission), the
 * grants from ROLE_PERMISSIONS. The table below (the README's Roles and permissions) pins what each route must declare, so
 * a route with a missing or wrong check fails here.
 */

const CONTRACT: Record<string, Permission> = {
  'GET /movies': 'get:movies',
  'GET /movies/{id}': 'get:movies',
  'POST /movies': 'post:movies',
  'PATCH /movies/{id}': 'patch:movies',
  'DELETE /movies/{id}': 'delete:movies',
  'GET /actors': 'get:actors',
  'GET /actors/{id}': 'get:actors',
  'POST /actors': 'post:actors',
  'PATCH /actors/{id}': 'patch:actors',
  'DELETE /actors/{id}': 'delete:actors',
  'GET /movies/{id}/actors': 'get:movies',
  'POST /movies/{id}/actors': 'patch:movies',
  'DELETE /movies/{id}/actors/{actor_id}': 'patch:movies',
  'GET /genres': 'get:movies',
  'GET /users': 'get:users',
  'GET /users/{id}': 'get:users',
  'PATCH /users/{id}': 'manage:users',
  'DELETE /users/{id}': 'manage:users',
  'POST /update_user/{id}': 'manage:users',
  'GET /movies/{id}/roles': 'get:movies',
  'GET /roles/{id}': 'get:movies',
  'POST /movies/{id}/roles': 'manage:auditions',
  'PATCH /roles/{id}': 'manage:auditions',
  'DELETE /roles/{id}': 'manage:auditions',
  'POST /roles/{id}/auditions': 'manage:auditions',
  'GET /roles/{id}/auditions': 'get:movies',
  'GET /auditions/{id}': 'get:movies',
  'POST /auditions/{id}/transitions': 'manage:auditions',
  'GET /roles/{id}/candidates': 'get:actors',
  'GET /actors/{id}/schedule': 'get:actors',
};
/** Routes added later (imports, catalog aliases): checked when present. */
const CONTRACT_WHEN_PRESENT: Record<string, Permission> = {
  'POST /movies/import': 'import:movies',
  'POST /upload': 'import:movies',
  'GET /movies/import': 'import:movies',
  'GET /movies/import/{id}': 'import:movies',
  'POST /add_movies': 'post:movies',
  'POST /update_movies': 'patch:movies',
  'POST /search_movies_id/{id}': 'get:movies',
};
const PUBLIC = new Set(['GET /health/live', 'GET /health/ready', 'POST /register', 'POST /auth', 'POST /auth/login', 'POST /auth/refresh']);
const BEARER_ONLY = new Set(['POST /auth/logout', 'GET /auth/verify', 'GET /auth/me', 'POST /auth/password']);

/** A body that would change something if the check were missing. */
const BODIES: Record<string, unknown> = {
  'POST /movies': { title: 'Intruder' },
  'PATCH /movies/{id}': { title: 'Intruder' },
  'POST /actors': { name: 'Intruder', age: 30, gender: 'female' },
  'PATCH /actors/{id}': { name: 'Intruder' },
  'PATCH /users/{id}': { role: 'admin' },
  'POST /update_user/{id}': { name: 'Intruder' },
  'POST /movies/{id}/roles': { name: 'Intruder' },
  'PATCH /roles/{id}': { name: 'Intruder' },
  'POST /auditions/{id}/transitions': { to: 'rejected' },
};

interface Operation {
  key: string;
  permission: Permission | undefined;
}

async function operations(auth: AuthApp): Promise<Operation[]> {
  const document = (await auth.app.inject('/docs/json')).json() as {
    paths: Record<string, Record<string, { 'x-permission'?: Permission }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, permission: op['x-permission'] })),
  );
}

async function fixtures(auth: AuthApp) {
  const admin = await auth.as('admin', 'matrix-admin');
  const headers = { ...(await headersByRole(auth)), anonymous: {} };
  const created = async (url: string, payload: Record<string, unknown>) =>
    (await auth.app.inject({ method: 'POST', url, payload, headers: admin.headers })).json();
  const movieId = (await created('/movies', { title: 'Heat' })).movie.id as number;
  const actorId = (await created('/actors', { name: 'Al Pacino', age: 84, gender: 'male' })).actor.id as number;
  await created(`/movies/${movieId}/actors`, { actor_id: actorId });
  const target = await auth.createUser('casting_assistant', 'matrix-target');
  const roleId = (await created(`/movies/${movieId}/roles`, { name: 'Vincent Hanna' })).role.id as number;
  const auditionId = (await created(`/roles/${roleId}/auditions`, { actor_id: actorId })).audition.id as number;
  return { admin: admin.headers, headers, ids: { movieId, actorId, userId: target.id, roleId, auditionId } };
}

type Ids = { movieId: number; actorId: number; userId: number; roleId: number; auditionId: number };

/** Which fixture `{id}` names, by the path's first segment. */
function idFor(path: string, ids: Ids): number {
  const first = path.split('/')[1]!;
  const byResource: Record<string, number> = {
    users: ids.userId,
    update_user: ids.userId,
    actors: ids.actorId,
    roles: ids.roleId,
    auditions: ids.auditionId,
  };
  return byResource[first] ?? ids.movieId;
}

function request(op: Operation, ids: Ids) {
  const [method, path] = op.key.split(' ') as [string, string];
  const url = path.replace('{id}', String(idFor(path, ids))).replace('{actor_id}', String(ids.actorId));
  const withActor = op.key === 'POST /movies/{id}/actors' || op.key === 'POST /roles/{id}/auditions';
  const payload = withActor ? { actor_id: ids.actorId } : BODIES[op.key];
  return { method: method as 'GET', url, payload: payload as Record<string, unknown> | undefined };
}

async function snapshot(auth: AuthApp, admin: { authorization: string }, { movieId, roleId }: Ids): Promise<string> {
  const urls = [
    '/movies?limit=100',
    '/actors?limit=100',
    '/users?limit=100',
    `/movies/${movieId}/actors`,
    `/movies/${movieId}/roles`,
    `/roles/${roleId}/auditions`,
  ];
  const bodies = await Promise.all(urls.map(async (url) => (await auth.app.inject({ url, headers: admin })).body));
  return bodies.join('\n');
}

t.test('every route declares the permission the contract gives it; the rest are public or bearer-only', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const found = await operations(auth);
  const declared = Object.fromEntries(found.filter((op) => op.permission).map((op) => [op.key, op.permission]));
  for (const [key, permission] of Object.entries(CONTRACT)) t.equal(declared[key], permission, `${key} needs ${permission}`);
  for (const [key, permission] of Object.entries(CONTRACT_WHEN_PRESENT)) {
    if (found.some((op) => op.key === key)) t.equal(declared[key], permission, `${key} needs ${permission}`);
  }
  for (const op of found.filter((o) => !o.permission))
    t.ok(PUBLIC.has(op.key) || BEARER_ONLY.has(op.key), `${op.key} is deliberately public or bearer-only`);
});

t.test('role × route matrix: anonymous 401, missing permission 403, and neither changes anything', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const ops = (await operations(auth)).filter((op) => op.permission);
  const { admin, headers, ids } = await fixtures(auth);
  const before = await snapshot(auth, admin, ids);
  for (const op of ops) {
    const anonymous = await auth.app.inject({ ...request(op, ids) });
    t.equal(anonymous.statusCode, 401, `anonymous ${op.key} → 401`);
    t.equal(anonymous.headers['www-authenticate'], 'Bearer');
    for (const role of ROLES.filter((r) => !ROLE_PERMISSIONS[r].includes(op.permission!))) {
      const refused = await auth.app.inject({ ...request(op, ids), headers: headers[role] });
      t.equal(refused.statusCode, 403, `${role} ${op.key} → 403 (lacks ${op.permission})`);
      t.match(refused.json(), { success: false, error: 403, code: 'FORBIDDEN' });
    }
  }
  t.equal(await snapshot(auth, admin, ids), before, 'refused requests changed nothing');
  for (const op of ops) {
    for (const role of ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(op.permission!))) {
      // Granted: whatever the route answers (200, 201, 404 after an earlier delete, 409 …), never 401/403.
      const allowed = await auth.app.inject({ ...request(op, ids), headers: headers[role] });
      t.notOk([401, 403].includes(allowed.statusCode), `${role} ${op.key} is let through (${allowed.statusCode})`);
    }
  }
});

t.test('bearer-only routes: 401 without a token, 200 for every role', async (t) => {
  const auth = await buildAuthApp();
  t.teardown(() => auth.app.close());
  const headers = await headersByRole(auth);
  for (const url of ['/auth/verify', '/auth/me']) {
    t.equal((await auth.app.inject(url)).statusCode, 401, `anonymous ${url}`);
    for (const role of ROLES) t.equal((await auth.app.inject({ url, headers: headers[role] })).statusCode, 200, `${role} ${url}`);
  }
  const me = (await auth.app.inject({ url: '/auth/me', headers: headers.casting_director })).json();
  t.match(me, {
    success: true,
    role: 'casting_director',
    permissions: [...ROLE_PERMISSIONS.casting_director],
    user: { username: 'casting_director' },
  });
  t.ok(me.permissions.includes('manage:auditions'), 'a director manages auditions');
  t.notOk(me.permissions.includes('make:offers'), 'but makes no offers');
  const producer = (await auth.app.inject({ url: '/auth/me', headers: headers.executive_producer })).json();
  t.ok(
    ['manage:auditions', 'make:offers'].every((p) => producer.permissions.includes(p)),
    'a producer does both',
  );
  t.notOk('password_hash' in me.user || 'passwordHash' in me.user, 'no hash in /auth/me');
});
