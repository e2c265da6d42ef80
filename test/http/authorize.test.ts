import t from 'tap';
import { DomainError } from '../../src/domain/errors.ts';
import type { Permission } from '../../src/domain/permissions.ts';
import { buildTestApp } from '../support/http.ts';

t.test('authorize runs before every route with a permission, with that permission', async (t) => {
  const asked: string[] = [];
  const authorize = async (request: { method: string; url: string }, permission: Permission) => {
    asked.push(`${request.method} ${request.url} ${permission}`);
    if (permission === 'delete:movies') throw new DomainError('forbidden', 'FORBIDDEN', 'missing permission delete:movies');
  };
  const { app } = await buildTestApp({ authorize });
  t.equal((await app.inject('/movies')).statusCode, 200);
  t.equal((await app.inject('/health/live')).statusCode, 200);
  const refused = await app.inject({ method: 'DELETE', url: '/movies/1' });
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { code: 'FORBIDDEN' });
  await app.inject({ method: 'POST', url: '/movies/1/actors', payload: { actor_id: 1 } });
  t.same(asked, ['GET /movies get:movies', 'DELETE /movies/1 delete:movies', 'POST /movies/1/actors patch:movies']);
});

t.test('authorize refuses before the body is validated', async (t) => {
  const authorize = async () => {
    throw new DomainError('unauthorized', 'TOKEN_MISSING', 'a bearer token is required');
  };
  const { app } = await buildTestApp({ authorize });
  const response = await app.inject({ method: 'POST', url: '/movies', payload: { nonsense: true } });
  t.equal(response.statusCode, 401);
  t.equal(response.headers['www-authenticate'], 'Bearer');
});
