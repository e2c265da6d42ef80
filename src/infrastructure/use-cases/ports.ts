import type { ActorAvailability } from '../../application/ports/actor-availability.ts';
import type { ActorRepository } from '../../application/ports/actor-repository.ts';
import type { AuditionRepository } from '../../application/ports/audition-repository.ts';
import type { CastingDesk } from '../../application/ports/casting-desk.ts';
import type { CastingRepository } from '../../application/ports/casting-repository.ts';
import type { ImportJobRepository } from '../../application/ports/import-job-repository.ts';
import type { ImportSettings } from '../../application/ports/import-settings.ts';
import type { MovieImportStore } from '../../application/ports/movie-import-store.ts';
import type { MovieRepository } from '../../application/ports/movie-repository.ts';
import type { RoleRepository } from '../../application/ports/role-repository.ts';
import type { IdentityServices } from '../identity.ts';

/** The stores, one adapter per port: MikroORM in the app, in memory in tests. */
export interface Repositories {
  movies: MovieRepository;
  actors: ActorRepository;
  castings: CastingRepository;
  /** Accounts and sessions; absent → in-memory (see `defaultIdentity`). */
  users?: IdentityServices['users'];
  sessions?: IdentityServices['sessions'];
  movieImports: MovieImportStore;
  importJobs: ImportJobRepository;
  roles: RoleRepository;
  auditions: AuditionRepository;
  castingDesk: CastingDesk;
  availability: ActorAvailability;
}

/** Every adapter a use case can be given: what the composition root wires from. */
export type Ports = Required<Repositories> & IdentityServices & { importSettings: ImportSettings };
