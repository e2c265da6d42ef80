import type { FastifyInstance } from 'fastify';
import { buildHttpApp, type HttpAppOptions } from '../../src/adapters/http/app.ts';
import { bearerAuthorize } from '../../src/adapters/http/authorize.ts';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { buildUseCases, type UseCases } from '../../src/infrastructure/container.ts';
import type { IdentityServices } from '../../src/infrastructure/identity.ts';

export interface TestApp {
  app: FastifyInstance;
  repositories: ReturnType<typeof inMemoryRepositories>;
  useCases: UseCases;
}

export interface TestAppOptions extends Partial<HttpAppOptions> {
  countCap?: number;
  /** true: every route checks bearer tokens as in production (see test/support/auth.ts). Default: no checks. */
  authenticated?: boolean;
  /** Identity services to use instead of the in-memory defaults. */
  identity?: Partial<IdentityServices>;
}

/** The HTTP app on a fresh in-memory catalog; override any option (authorize, isReady, …). */
export async function buildTestApp(overrides: TestAppOptions = {}): Promise<TestApp> {
  const { countCap, authenticated, identity, ...options } = overrides;
  const repositories = inMemoryRepositories({ countCap });
  const useCases = buildUseCases(repositories, identity);
  const app = await buildHttpApp({
    useCases,
    logger: false,
    corsOrigins: [],
    isReady: async () => true,
    ...(authenticated && { authorize: bearerAuthorize(useCases) }),
    ...options,
  });
  return { app, repositories, useCases };
}

type Json = Record<string, unknown>;

/** POSTs JSON and returns the parsed body, failing loudly when the status is not 201. */
export async function created(app: FastifyInstance, url: string, payload: Json): Promise<Json> {
  const response = await app.inject({ method: 'POST', url, payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url} → ${response.statusCode}: ${response.body}`);
  return response.json();
}

export async function createMovie(app: FastifyInstance, fields: Json = {}): Promise<Json & { id: number }> {
  const body = await created(app, '/movies', { title: 'Heat', director: 'Michael Mann', release_date: '1995-12-15', ...fields });
  return body.movie as Json & { id: number };
}

export async function createActor(app: FastifyInstance, fields: Json = {}): Promise<Json & { id: number }> {
  const body = await created(app, '/actors', { name: 'Al Pacino', age: 84, gender: 'male', ...fields });
  return body.actor as Json & { id: number };
}
