// tsyringe needs the Reflect metadata API loaded before it is imported.
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { ACTOR_AVAILABILITY, type ActorAvailability } from '../application/ports/actor-availability.ts';
import { ACTOR_REPOSITORY, type ActorRepository } from '../application/ports/actor-repository.ts';
import { AUDITION_REPOSITORY, type AuditionRepository } from '../application/ports/audition-repository.ts';
import { CASTING_DESK, type CastingDesk } from '../application/ports/casting-desk.ts';
import { ROLE_REPOSITORY, type RoleRepository } from '../application/ports/role-repository.ts';
import { CASTING_REPOSITORY, type CastingRepository } from '../application/ports/casting-repository.ts';
import { AUTH_SETTINGS } from '../application/ports/auth-settings.ts';
import { CLOCK } from '../application/ports/clock.ts';
import { EXTERNAL_TOKEN_VERIFIER } from '../application/ports/external-token-verifier.ts';
import { IMPORT_JOB_REPOSITORY, type ImportJobRepository } from '../application/ports/import-job-repository.ts';
import { DEFAULT_IMPORT_SETTINGS, IMPORT_SETTINGS, type ImportSettings } from '../application/ports/import-settings.ts';
import { MOVIE_IMPORT_STORE, type MovieImportStore } from '../application/ports/movie-import-store.ts';
import { MOVIE_REPOSITORY, type MovieRepository } from '../application/ports/movie-repository.ts';
import { PASSWORD_HASHER } from '../application/ports/password-hasher.ts';
import { RANDOM_SOURCE } from '../application/ports/random-source.ts';
import { SESSION_REPOSITORY, type SessionRepository } from '../application/ports/session-repository.ts';
import { TOKEN_SERVICE } from '../application/ports/token-service.ts';
import { USER_REPOSITORY, type UserRepository } from '../application/ports/user-repository.ts';
import { defaultIdentity, type IdentityServices } from './identity.ts';
import { registerUseCases } from './use-cases.ts';

export interface Repositories {
  movies: MovieRepository;
  actors: ActorRepository;
  castings: CastingRepository;
  /** Accounts and sessions; absent → in-memory (see `defaultIdentity`). */
  users?: UserRepository;
  sessions?: SessionRepository;
  /** Bulk import (POST /movies/import); absent → the import routes cannot resolve their use cases. */
  movieImports?: MovieImportStore;
  importJobs?: ImportJobRepository;
  /** The casting workflow (roles, auditions); absent → its routes cannot resolve their use cases. */
  roles?: RoleRepository;
  auditions?: AuditionRepository;
  castingDesk?: CastingDesk;
  availability?: ActorAvailability;
}

/**
 * The composition root. The app passes MikroORM repositories; tests pass in-memory ones
 * and get the very same wiring of use cases.
 */
export function buildContainer(
  repositories: Repositories,
  identity: Partial<IdentityServices> = {},
  imports: ImportSettings = DEFAULT_IMPORT_SETTINGS,
): DependencyContainer {
  const container = rootContainer.createChildContainer();
  container.register(IMPORT_SETTINGS, { useValue: imports });
  container.register(MOVIE_REPOSITORY, { useValue: repositories.movies });
  container.register(ACTOR_REPOSITORY, { useValue: repositories.actors });
  container.register(CASTING_REPOSITORY, { useValue: repositories.castings });
  if (repositories.movieImports) container.register(MOVIE_IMPORT_STORE, { useValue: repositories.movieImports });
  if (repositories.importJobs) container.register(IMPORT_JOB_REPOSITORY, { useValue: repositories.importJobs });
  registerCastingWorkflow(container, repositories);
  const users = identity.users ?? repositories.users;
  const sessions = identity.sessions ?? repositories.sessions;
  registerIdentity(container, defaultIdentity({ ...identity, ...(users && { users }), ...(sessions && { sessions }) }));
  registerUseCases(container);
  return container;
}

function registerIdentity(container: DependencyContainer, identity: IdentityServices): void {
  container.register(USER_REPOSITORY, { useValue: identity.users });
  container.register(SESSION_REPOSITORY, { useValue: identity.sessions });
  container.register(PASSWORD_HASHER, { useValue: identity.hasher });
  container.register(TOKEN_SERVICE, { useValue: identity.tokens });
  // A factory, because tsyringe does not count `useValue: null` as a registration; null = no external issuer.
  container.register(EXTERNAL_TOKEN_VERIFIER, { useFactory: () => identity.external });
  container.register(CLOCK, { useValue: identity.clock });
  container.register(RANDOM_SOURCE, { useValue: identity.random });
  container.register(AUTH_SETTINGS, { useValue: identity.settings });
}

function registerCastingWorkflow(container: DependencyContainer, repositories: Repositories): void {
  if (repositories.roles) container.register(ROLE_REPOSITORY, { useValue: repositories.roles });
  if (repositories.auditions) container.register(AUDITION_REPOSITORY, { useValue: repositories.auditions });
  if (repositories.castingDesk) container.register(CASTING_DESK, { useValue: repositories.castingDesk });
  if (repositories.availability) container.register(ACTOR_AVAILABILITY, { useValue: repositories.availability });
}
