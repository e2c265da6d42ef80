import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { type ConditionalOperation, declareConditionalHeaders } from './openapi-conditional.ts';
import { declareResponseHeaders } from './openapi-headers.ts';
import type { RouteRegistry } from './route-registry.ts';

const DESCRIPTION = `
The Marquee catalog: movies, actors and who is cast in what.

**Envelope.** Every JSON answer has \`success\`. One resource is named in the singular
(\`{ "success": true, "movie": {…} }\`); POST and PATCH on /movies and /actors also carry the
plural array (\`"movies": [{…}]\`) for Casting Agency clients. DELETE answers
\`{ "success": true, "deleted": <id> }\`; a create answers 201 with \`Location\`. Field names are snake_case.

**Errors.** \`{ "success": false, "error": <status>, "message", "code", "details": [{ "path", "message" }] }\`,
\`path\` a JSON pointer. 400 malformed input (broken JSON, wrong type, unknown body field or
query parameter — bodies are never coerced or stripped), 401 (with \`WWW-Authenticate: Bearer\`),
403, 404 (also for unknown routes), 405 with \`Allow\` for a known path with another method,
409 duplicate, 412 stale or malformed \`If-Match\`, 413 body too large, 415 body not JSON,
422 well-formed but breaking a rule (ranges, lengths, dates), 503 database unavailable
(\`Retry-After\`). A 500 says nothing internal and carries \`request_id\`.

**Paging.** \`page\` from 1, \`limit\` 1–100 (default 20; more is a 400), \`sort\` as
\`field.asc\` / \`field.desc\`, comma-separated, whitelisted per resource, \`id\` always the last
tie-breaker. Lists answer \`page\`, \`limit\`, \`total\`, \`total_pages\`, \`total_capped\` and a
\`Link\` header with \`next\` / \`prev\` (relative URLs keeping every other query parameter).
Text filters (\`q\`, \`director\`) take at most 200 characters (longer is a 400).

**Capped totals.** Counting a million matches would cost a full scan on every page, so
\`total\` is counted exactly up to **10,000**. When more match, \`total\` is 10,000,
\`total_capped\` is true, \`total_pages\` is computed from the cap, and \`next\` keeps being
offered while pages come back full.

**ETags.** Single resources carry \`ETag: "<version>"\` (with \`-<digest>\` appended when the
answer embeds related resources: a movie's cast, an actor's movies). \`If-None-Match\` → 304.
\`If-Match\` on PATCH/DELETE compares the version: stale → 412; a malformed, weak or multi-tag
\`If-Match\` can never match and is a 412 too; \`*\` or no header lets the write through.

**Permissions.** Each operation names the permission it needs (\`x-permission\`, and as the
scope of the bearer requirement): get:movies, get:actors, post:actors, patch:actors,
delete:actors, patch:movies, post:movies, delete:movies. Roles: casting_assistant (get:*),
casting_director (+ actors writes, patch:movies), executive_producer (+ post/delete:movies),
admin (all). Health and docs are public.

**Authentication.** \`POST /auth\` (alias \`/auth/login\`) trades username and password for an
access token (HS256 JWT, \`Authorization: Bearer …\`) and a refresh token; \`POST /auth/refresh\`
rotates the refresh token (each is good once; a spent one revokes its session). Role, active flag
and session are read from the database on every request, so demotion, deactivation and logout act
on the next request. Tokens of the configured external issuer (Auth0, RS256) are accepted with the
permissions in their \`permissions\` claim. Login and register answer 429 with \`Retry-After\`
when a client or a username tries too often. Users: get:users, manage:users (admin).
`.trim();

type Operation = { description?: string; security?: unknown; 'x-permission'?: string };

/** OpenAPI 3.1 at /docs/json from the route schemas, and the reference page at /docs. */
export async function registerOpenApi(app: FastifyInstance, routes: RouteRegistry): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Marquee API', version: '1.0.0', description: DESCRIPTION },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transformObject: (documentObject) => {
      const document = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      annotatePermissions(document.paths as Record<string, Record<string, Operation>>, routes);
      declareConditionalHeaders(document.paths as Record<string, Record<string, ConditionalOperation>>);
      declareResponseHeaders(document.paths as Parameters<typeof declareResponseHeaders>[0]);
      return document;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // The page must also load where the API is served over plain HTTP (local runs, TLS
    // ended at a proxy that forwards http): upgrading its script requests would break it.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
}

function annotatePermissions(paths: Record<string, Record<string, Operation>>, routes: RouteRegistry): void {
  for (const [key, permission] of routes.permissions) {
    const [method = '', url = ''] = key.split(' ');
    const operation = paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    if (!operation) continue;
    operation['x-permission'] = permission;
    operation.security = [{ bearer: [permission] }];
    operation.description = `${operation.description ?? ''}\n\nPermission: \`${permission}\`.`.trim();
  }
}
