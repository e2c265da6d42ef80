import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../domain/permissions.ts';

/** The roles that hold each permission, as a Markdown table built from the domain's single source. */
function permissionTable(): string {
  const rows = PERMISSIONS.map((permission) => {
    const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    return `| \`${permission}\` | ${roles.join(', ')} |`;
  });
  return ['| permission | roles that hold it |', '|---|---|', ...rows].join('\n');
}

// Authentication comes first: no route but the health checks answers without a token.
const AUTHENTICATION = `
**Authentication (start here).** Every route but login, sign-up, refresh, \`/health/*\` and \`/docs\`
needs \`Authorization: Bearer <access_token>\` (the \`bearer\` security scheme, a JWT).

1. Get a token: \`POST /auth\` (alias \`/auth/login\`) with \`{"username": "…", "password": "…"}\` answers
   \`{ "access_token", "refresh_token", "token_type": "Bearer", "expires_in" }\`. The first admin is made
   at start (\`ADMIN_USERNAME\`, \`ADMIN_PASSWORD\`) or with \`npm run user:create\`; \`POST /register\` signs
   up a casting assistant while registration is open.
2. Send \`Authorization: Bearer <access_token>\` (HS256, valid \`expires_in\` seconds, \`ACCESS_TOKEN_TTL\`).
3. Before it expires, \`POST /auth/refresh\` \`{"refresh_token"}\` answers a new pair. Each refresh token is
   good once; presenting a spent one revokes its whole session. \`POST /auth/logout\` ends the session.

Role, active flag and session are read from the database on every request, so demotion,
deactivation and logout act on the next request. Login and register answer 429 with
\`Retry-After\` when a client or a username tries too often.

**Auth0 (external issuer).** With \`AUTH_ISSUER\`, \`AUTH_AUDIENCE\` and \`AUTH_JWKS_URL\` set, RS256 access
tokens of that issuer are accepted after issuer, audience, algorithm and signature checks, and grant
exactly the permissions in their \`permissions\` claim (Auth0 RBAC with "Add Permissions in the Access
Token"), named as below. Such tokens have no session here: logout and refresh do not apply to them.

**Permissions.** Each operation names the one it needs (\`x-permission\`, and as the scope of its bearer
requirement); a valid token without it gets 403, no or a bad token 401 with \`WWW-Authenticate: Bearer\`.
Operations with neither need only a valid token (\`/auth/me\`, \`/auth/verify\`, \`/auth/logout\`, \`/auth/password\`)
or nothing (login, refresh, register, health, docs). Moving an audition to \`offered\`, \`accepted\` or
\`declined\` needs \`make:offers\` on top of \`manage:auditions\`.

${permissionTable()}
`;

const CONVENTIONS = `
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
GET /movies, GET /actors and GET /search also page by keyset: each page carries \`next_cursor\`
(null on the last); send it back as \`cursor\` with the same \`sort\` and filters (\`q\`) for the
next page, at the same cost at any depth (\`page\` reaches 10,000 rows, 1,000 on GET /search). Text filters (\`q\`, \`director\`) take at most
200 characters (longer is a 400).

**Capped totals.** Counting a million matches would cost a full scan on every page, so
\`total\` is counted exactly up to **1,000**. When more match, \`total\` is 1,000,
\`total_capped\` is true, \`total_pages\` is computed from the cap, and \`next\` keeps being
offered while pages come back full.

**ETags.** Single resources carry \`ETag: "<version>"\` (with \`-<digest>\` appended when the
answer embeds related resources: a movie's cast, an actor's movies). \`If-None-Match\` → 304.
\`If-Match\` on PATCH/DELETE compares the version: stale → 412; a malformed, weak or multi-tag
\`If-Match\` can never match and is a 412 too; \`*\` or no header lets the write through.

**Generated clients.** Every operation has a stable \`operationId\`; a typed TypeScript client
generated from this document is kept in the repository under \`clients/typescript\`.
`;

export const API_DESCRIPTION = `The Marquee catalog: movies, actors and who is cast in what.\n${AUTHENTICATION}${CONVENTIONS}`.trim();

/** One tag per resource, in the order the reference page shows them; every operation uses one of these. */
export const API_TAGS = [
  { name: 'auth', description: 'Log in, refresh and end sessions, sign up, who am I. Start here: the access token comes from POST /auth.' },
  { name: 'movies', description: 'The catalog: movies with filters, search (`q`), sort and paging; genre names with counts.' },
  { name: 'actors', description: 'Actors with filters, search (`q`), sort and paging; an actor with their movies.' },
  { name: 'castings', description: 'Who is cast in a movie, in billing order: cast and uncast an actor.' },
  { name: 'roles', description: 'Casting workflow: the parts of a movie, open to auditions until filled or closed, and who fits one.' },
  {
    name: 'auditions',
    description: 'Casting workflow: an actor considered for a role, from invitation to accepted part; an actor’s schedule.',
  },
  { name: 'search', description: 'Movies and actors together, best match first.' },
  { name: 'import', description: 'Bulk import of movies (JSON, NDJSON, CSV) with progress and report; export as NDJSON or CSV.' },
  {
    name: 'catalog API',
    description: 'Aliases for clients of the older catalog API: its routes and its field names (`movie_name`, `imdbScore`, `genre`).',
  },
  { name: 'users', description: 'Accounts: list, change role or password, deactivate (admin).' },
  { name: 'health', description: 'Liveness and readiness probes for orchestrators; public.' },
];
