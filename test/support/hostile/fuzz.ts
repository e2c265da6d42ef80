import type { FastifyInstance } from 'fastify';
import { sqlOf } from '../databases.ts';
import { buildHttpApp } from '../../../src/adapters/http/app.ts';
import { bearerAuthorize } from '../../../src/adapters/http/authorize.ts';
import { buildUseCases } from '../../../src/infrastructure/container.ts';
import type { Database } from '../../../src/infrastructure/database.ts';
import { fastHasher, loginOver, userIn } from '../auth.ts';
import { hostileImports } from './imports.ts';
import { hostileRequests, type Fixture, type HostileRequest, type OpenApiDocument } from './requests.ts';
import { pick, random } from './values.ts';

export interface FuzzRun {
  requests: number;
  statuses: Record<number, number>;
  /** One line per broken invariant: a 5xx, a 4xx without the envelope, a refused write that changed the catalog. */
  failures: string[];
}

/**
 * Every operation of the served OpenAPI document, each parameter and body field in turn set to
 * hostile values, plus hostile import files and broken uploads (samples of the sizes given,
 * drawn with `seed`), sent as an admin to the app on `database`.
 */
export interface FuzzSizes {
  valuesPerField: number; // hostile values per parameter or body field
  imports: number; // hostile import files and uploads
}

export async function fuzz(database: Database, seed: number, sizes: FuzzSizes): Promise<FuzzRun> {
  const useCases = buildUseCases(database.repositories, { hasher: fastHasher() });
  const rateLimit = { perClient: 1_000_000, perUsername: 1_000_000 };
  const app = await buildHttpApp({
    useCases,
    corsOrigins: [],
    isReady: async () => true,
    authorize: bearerAuthorize(useCases),
    rateLimit,
  });
  try {
    await userIn(useCases, 'admin', 'fuzz-admin');
    const { access_token } = await loginOver(app, 'fuzz-admin');
    const auth = { authorization: `Bearer ${access_token}` };
    const fixture = await fixtures(app, auth, await userIn(useCases, 'casting_assistant', 'fuzz-target'));
    const document = (await app.inject('/docs/json')).json() as OpenApiDocument;
    const next = random(seed);
    const requests = [
      ...hostileRequests(document, fixture, { valuesPerField: sizes.valuesPerField, next }),
      ...pick(hostileImports(), sizes.imports, next),
    ];
    return await sendAll(app, auth, requests, () => catalogDigest(database));
  } finally {
    await app.close();
  }
}

async function fixtures(app: FastifyInstance, auth: Record<string, string>, user: { id: number }): Promise<Fixture> {
  const post = async (url: string, payload: object) => (await app.inject({ method: 'POST', url, payload, headers: auth })).json();
  const movie = (await post('/movies', { title: 'Fuzz fixture', director: 'Nobody', release_date: '2000-01-01' })).movie.id;
  const actor = (await post('/actors', { name: 'Fuzz Actor', age: 40, gender: 'female' })).actor.id;
  await post(`/movies/${movie}/actors`, { actor_id: actor, character: 'Lead' });
  const headers = { ...auth, 'content-type': 'text/csv' };
  const imported = await app.inject({ method: 'POST', url: '/movies/import?dry_run=true', payload: 'title\nx\n', headers });
  return { movie, actor, user: user.id, job: imported.json().import.id };
}

async function sendAll(app: FastifyInstance, auth: Record<string, string>, requests: HostileRequest[], digest: () => Promise<string>) {
  const run: FuzzRun = { requests: requests.length, statuses: {}, failures: [] };
  for (const request of requests) {
    const before = request.write ? await digest() : '';
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, ...auth },
      ...(request.payload !== undefined && { payload: request.payload }),
    });
    const status = response.statusCode;
    run.statuses[status] = (run.statuses[status] ?? 0) + 1;
    const problem =
      brokenInvariant(status, response.body) ??
      (request.write && status >= 400 && (await digest()) !== before ? 'a refused write changed the catalog' : null);
    if (problem) run.failures.push(`${status} ${request.label}: ${problem}: ${response.body.slice(0, 200)}`);
  }
  return run;
}

function brokenInvariant(status: number, body: string): string | null {
  if (status >= 500) return 'a 5xx';
  if (status < 400) return null;
  try {
    const answer = JSON.parse(body) as Record<string, unknown>;
    const ok = answer.success === false && answer.error === status && typeof answer.code === 'string' && Array.isArray(answer.details);
    return ok && typeof answer.request_id === 'string' ? null : 'no error envelope';
  } catch {
    return 'no JSON error envelope';
  }
}

/** The catalog's rows, hashed: equal before and after a refused write. */
async function catalogDigest(database: Database): Promise<string> {
  const table = (name: string) => `(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${name} t)`;
  const { rows } = await sqlOf(database).query(`select ${table('movie')} || ${table('actor')} || ${table('casting')} as digest`);
  return String((rows[0] as { digest: string }).digest);
}
