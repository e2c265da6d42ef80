import { InMemoryActorAvailability } from './in-memory-actor-availability.ts';
import { InMemoryActorRepository } from './in-memory-actor-repository.ts';
import { InMemoryAuditionRepository } from './in-memory-audition-repository.ts';
import { InMemoryCastingDesk } from './in-memory-casting-desk.ts';
import { InMemoryCastingRepository } from './in-memory-casting-repository.ts';
import { InMemoryImportJobRepository } from './in-memory-import-job-repository.ts';
import { InMemoryMovieImportStore } from './in-memory-movie-import-store.ts';
import { InMemoryMovieRepository } from './in-memory-movie-repository.ts';
import { InMemoryRoleRepository } from './in-memory-role-repository.ts';
import { InMemoryStore } from './in-memory-store.ts';

export { InMemoryActorRepository, InMemoryCastingRepository, InMemoryMovieRepository, InMemoryStore };

/** A fresh, empty in-memory catalog: the repositories share one store so deletes cascade. */
export function inMemoryRepositories(options: { countCap?: number } = {}) {
  const store = new InMemoryStore();
  return {
    movies: new InMemoryMovieRepository(store, options.countCap),
    actors: new InMemoryActorRepository(store, options.countCap),
    castings: new InMemoryCastingRepository(store),
    movieImports: new InMemoryMovieImportStore(store),
    importJobs: new InMemoryImportJobRepository(),
    ...inMemoryCastingWorkflow(store, options),
  };
}

/** The casting workflow's adapters on an in-memory store (shared with the catalog's, for movies and actors). */
export function inMemoryCastingWorkflow(store: InMemoryStore, options: { countCap?: number } = {}) {
  return {
    roles: new InMemoryRoleRepository(store),
    auditions: new InMemoryAuditionRepository(store),
    castingDesk: new InMemoryCastingDesk(store),
    availability: new InMemoryActorAvailability(store, options.countCap),
  };
}
