import SwaggerParser from '@apidevtools/swagger-parser';
import t from 'tap';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../../src/domain/permissions.ts';
import { EXAMPLES } from '../../src/adapters/http/examples/index.ts';
import { exampleProblems } from '../../src/infrastructure/cli/openapi-example-rules.ts';
import { operationIdProblems, tagProblems } from '../../src/infrastructure/cli/openapi-rules.ts';
import { buildTestApp } from '../support/http.ts';

const OPERATIONS: Record<string, string | null> = {
  'get /movies': 'get:movies',
  'get /search': 'get:movies',
  'post /movies': 'post:movies',
  'get /movies/{id}': 'get:movies',
  'patch /movies/{id}': 'patch:movies',
  'delete /movies/{id}': 'delete:movies',
  'get /actors': 'get:actors',
  'post /actors': 'post:actors',
  'get /actors/{id}': 'get:actors',
  'patch /actors/{id}': 'patch:actors',
  'delete /actors/{id}': 'delete:actors',
  'get /movies/{id}/actors': 'get:movies',
  'post /movies/{id}/actors': 'patch:movies',
  'delete /movies/{id}/actors/{actor_id}': 'patch:movies',
  'get /genres': 'get:movies',
  'get /health/live': null,
  'get /health/ready': null,
  // identity (issue 3): public or bearer-only operations name no permission
  'post /register': null,
  'post /auth': null,
  'post /auth/login': null,
  'post /auth/refresh': null,
  'post /auth/logout': null,
  'get /auth/verify': null,
  'get /auth/me': null,
  'post /auth/password': null,
  'get /users': 'get:users',
  'get /users/{id}': 'get:users',
  'patch /users/{id}': 'manage:users',
  'delete /users/{id}': 'manage:users',
  'post /update_user/{id}': 'manage:users',
  'post /movies/import': 'import:movies',
  'post /upload': 'import:movies',
  'get /movies/import': 'import:movies',
  'get /movies/import/{id}': 'import:movies',
  'get /movies/export': 'get:movies',
  'post /add_movies': 'post:movies',
  'post /update_movies': 'patch:movies',
  'post /search_movies_id/{id}': 'get:movies',
  'post /search_movies_id': 'get:movies',
  // casting workflow (issue 12)
  'get /movies/{id}/roles': 'get:movies',
  'post /movies/{id}/roles': 'manage:auditions',
  'get /roles/{id}': 'get:movies',
  'patch /roles/{id}': 'manage:auditions',
  'delete /roles/{id}': 'manage:auditions',
  'post /roles/{id}/auditions': 'manage:auditions',
  'get /roles/{id}/auditions': 'get:movies',
  'get /auditions/{id}': 'get:movies',
  'post /auditions/{id}/transitions': 'manage:auditions',
  'get /roles/{id}/candidates': 'get:actors',
  'get /actors/{id}/schedule': 'get:actors',
};

type Operation = { 'x-permission'?: string; security?: unknown; description?: string; parameters?: { name: string }[] };

t.test('GET /docs/json serves a valid OpenAPI 3.1 document with every route and its permission', async (t) => {
  const { app } = await buildTestApp();
  const response = await app.inject('/docs/json');
  t.equal(response.statusCode, 200);
  const document = response.json();
  t.equal(document.openapi, '3.1.0');
  t.match(document.info, { title: 'Marquee API', version: String, description: /10,000[\s\S]*total_capped[\s\S]*ETag/ });
  const operations: string[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      const key = `${method} ${path}`;
      operations.push(key);
      const permission = OPERATIONS[key];
      if (permission === undefined) continue;
      t.equal(operation['x-permission'], permission ?? undefined, `${key} names its permission`);
      if (permission) t.same(operation.security, [{ bearer: [permission] }]);
      if (permission) t.match(operation.description, permission);
    }
  }
  t.same(operations.sort(), Object.keys(OPERATIONS).sort(), 'exactly the catalog routes, docs hidden');
  const listParameters = document.paths['/movies'].get.parameters.map((p: { name: string }) => p.name);
  t.match(listParameters, ['page', 'limit', 'sort', 'q', 'director', 'genre', 'imdb_score.gte']);
  await t.resolves(SwaggerParser.validate(structuredClone(document)), 'valid against the OpenAPI schema');
});

t.test('the description starts with how to authenticate and lists every permission with its roles', async (t) => {
  const { app } = await buildTestApp();
  const description: string = (await app.inject('/docs/json')).json().info.description;
  const firstSection = /\*\*([^*]+)\*\*/.exec(description)?.[1];
  t.equal(firstSection, 'Authentication (start here).', 'the first section is authentication');
  t.match(description, /POST \/auth[\s\S]*Authorization: Bearer[\s\S]*POST \/auth\/refresh[\s\S]*Auth0[\s\S]*`permissions` claim/);
  for (const permission of PERMISSIONS) {
    const roles = Object.entries(ROLE_PERMISSIONS).filter(([, granted]) => granted.includes(permission));
    t.match(description, `| \`${permission}\` | ${roles.map(([role]) => role).join(', ')} |`, `${permission} and its roles`);
  }
  t.ok(description.indexOf('Authentication') < description.indexOf('**Envelope.**'), 'before the conventions');
});

t.test('every operation has a unique camelCase operationId and a declared, described tag', async (t) => {
  const { app } = await buildTestApp();
  const document = (await app.inject('/docs/json')).json();
  t.same(operationIdProblems(document), []);
  t.same(tagProblems(document), []);
  t.equal(document.paths['/movies'].get.operationId, 'listMovies');
  t.equal(document.paths['/movies/{id}/actors'].post.operationId, 'castActor');
  t.equal(document.paths['/add_movies'].post.operationId, 'addMoviesCatalogApi');
  t.notMatch(JSON.stringify(document.paths), /Default Response/, 'every answer is described');
  t.equal(document.paths['/movies'].post.responses['201'].description, 'Create a movie: created, Location names it');
  t.same(
    document.tags.map((tag: { name: string }) => tag.name).slice(0, 2),
    ['auth', 'movies'],
    'auth is the first group of the reference page',
  );
});

t.test('every request body and answer has an example its schema accepts; no example names a missing operation', async (t) => {
  const { app } = await buildTestApp();
  const document = (await app.inject('/docs/json')).json();
  t.same(exampleProblems(document), []);
  const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((methods) =>
    Object.values(methods).map((operation) => operation.operationId),
  );
  t.same(
    Object.keys(EXAMPLES).filter((id) => !operationIds.includes(id)),
    [],
  );
  const created = document.paths['/movies'].post;
  t.match(created.requestBody.content['application/json'].example, { title: 'Heat' });
  t.match(created.responses['201'].content['application/json'].example, { success: true, movie: { id: Number } });
  t.match(created.responses['409'].content['application/json'].example, { success: false, error: 409, code: 'MOVIE_CONFLICT' });
});

t.test('operations that honour If-None-Match or If-Match declare them as optional header parameters', async (t) => {
  const { app } = await buildTestApp();
  const paths = (await app.inject('/docs/json')).json().paths as Record<string, Record<string, Operation>>;
  const headersOf = (method: string, path: string) =>
    (paths[path]?.[method]?.parameters ?? []).filter((p) => (p as { in?: string }).in === 'header').map((p) => p.name);
  for (const path of ['/movies/{id}', '/actors/{id}', '/users/{id}']) {
    t.same(headersOf('get', path), ['If-None-Match'], `GET ${path}`);
    t.same(headersOf('patch', path), ['If-Match'], `PATCH ${path}`);
    t.same(headersOf('delete', path), ['If-Match'], `DELETE ${path}`);
  }
  t.same(headersOf('get', '/movies'), [], 'a list has neither');
  t.same(headersOf('post', '/movies'), []);
});

t.test('GET /docs serves the reference page', async (t) => {
  const { app } = await buildTestApp();
  const response = await app.inject('/docs');
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /text\/html/);
  t.match(response.body, /swagger-ui/);
  t.match(response.headers['content-security-policy'], /script-src 'self'/);
});

t.test('the reference page loads its scripts from the same origin, also over plain HTTP', async (t) => {
  const { app } = await buildTestApp();
  const script = await app.inject('/docs/static/swagger-initializer.js');
  t.equal(script.statusCode, 200);
  t.notMatch(script.headers['content-security-policy'], /upgrade-insecure-requests/);
  t.match((await app.inject('/docs/json')).headers['content-security-policy'], /default-src 'self'/);
});

t.test('defaulted parameters are optional and the headers routes send are declared', async (t) => {
  const { app } = await buildTestApp();
  const document = (await app.inject('/docs/json')).json();
  const parameter = (path: string, method: string, name: string) =>
    document.paths[path][method].parameters.find((p: { name: string }) => p.name === name);
  for (const [path, method, name] of [
    ['/movies/import', 'post', 'mode'],
    ['/movies/import', 'post', 'dry_run'],
    ['/upload', 'post', 'mode'],
    ['/movies/export', 'get', 'format'],
    ['/movies', 'get', 'page'],
    ['/movies', 'get', 'limit'],
  ] as const) {
    t.notOk(parameter(path, method, name).required, `${method} ${path} ${name} is optional`);
  }
  const headers = (path: string, method: string, status: string) =>
    Object.keys(document.paths[path][method].responses[status].headers ?? {});
  t.match(headers('/movies', 'post', '201'), ['X-Request-Id', 'Location', 'ETag']);
  t.match(headers('/movies/{id}', 'get', '200'), ['X-Request-Id', 'ETag']);
  t.match(headers('/movies', 'get', '200'), ['X-Request-Id', 'Link']);
  t.match(headers('/movies', 'get', '503'), ['X-Request-Id', 'Retry-After']);
  t.match(headers('/movies/import', 'post', '200'), ['X-Request-Id', 'Location']);
  t.ok(headers('/auth', 'post', '429').includes('Retry-After'));
});
