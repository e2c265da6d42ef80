// tsyringe needs the Reflect metadata API loaded before it is imported.
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { ACTOR_REPOSITORY, type ActorRepository } from '../application/ports/actor-repository.ts';
import { CASTING_REPOSITORY, type CastingRepository } from '../application/ports/casting-repository.ts';
import { MOVIE_REPOSITORY, type MovieRepository } from '../application/ports/movie-repository.ts';
import { registerUseCases } from './use-cases.ts';

export interface Repositories {
  movies: MovieRepository;
  actors: ActorRepository;
  castings: CastingRepository;
}

/**
 * The composition root. The app passes MikroORM repositories; tests pass in-memory ones
 * and get the very same wiring of use cases.
 */
export function buildContainer(repositories: Repositories): DependencyContainer {
  const container = rootContainer.createChildContainer();
  container.register(MOVIE_REPOSITORY, { useValue: repositories.movies });
  container.register(ACTOR_REPOSITORY, { useValue: repositories.actors });
  container.register(CASTING_REPOSITORY, { useValue: repositories.castings });
  registerUseCases(container);
  return container;
}
