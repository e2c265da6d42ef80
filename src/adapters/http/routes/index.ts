import type { FastifyInstance } from 'fastify';
import type { Limits } from '../rate-limit.ts';
import { actorRoutes, type ActorUseCases } from './actors.ts';
import { auditionRoutes, type AuditionUseCases } from './auditions.ts';
import { authRoutes, type AuthUseCases } from './auth.ts';
import { castingRoutes, type CastingUseCases } from './castings.ts';
import { catalogApiRoutes, type CatalogApiUseCases } from './catalog-api.ts';
import { exportRoutes, type ExportUseCases } from './export.ts';
import { genreRoutes, type GenreUseCases } from './genres.ts';
import { importRoutes, type ImportRouteOptions } from './import.ts';
import type { ImportUseCases } from './import-handler.ts';
import { importJobRoutes, type ImportJobUseCases } from './import-jobs.ts';
import { movieRoutes, type MovieUseCases } from './movies.ts';
import { roleRoutes, type RoleUseCases } from './roles.ts';
import { searchRoutes, type SearchUseCases } from './search.ts';
import { userRoutes, type UserUseCases } from './users.ts';

/** Every use case the HTTP adapter calls: each plugin is handed the ones it names. */
export type HttpUseCases = MovieUseCases &
  ActorUseCases &
  CastingUseCases &
  RoleUseCases &
  AuditionUseCases &
  GenreUseCases &
  SearchUseCases &
  ImportUseCases &
  ImportJobUseCases &
  ExportUseCases &
  CatalogApiUseCases &
  AuthUseCases &
  UserUseCases;

/** The API's routes, in the order the OpenAPI document lists them. */
export async function registerApiRoutes(
  app: FastifyInstance,
  useCases: HttpUseCases,
  imports: Omit<ImportRouteOptions, 'useCases'>,
): Promise<void> {
  await app.register(movieRoutes, { useCases });
  await app.register(actorRoutes, { useCases });
  await app.register(castingRoutes, { useCases });
  await app.register(roleRoutes, { useCases });
  await app.register(auditionRoutes, { useCases });
  await app.register(genreRoutes, { useCases });
  await app.register(searchRoutes, { useCases });
  await app.register(importRoutes, { useCases, ...imports });
  await app.register(importJobRoutes, { useCases });
  await app.register(exportRoutes, { useCases });
  await app.register(catalogApiRoutes, { useCases });
}

/** Logins and accounts come after the rate limiter they use. */
export async function registerAccountRoutes(app: FastifyInstance, useCases: HttpUseCases, limits: Limits): Promise<void> {
  await app.register(authRoutes, { useCases, limits });
  await app.register(userRoutes, { useCases });
}
