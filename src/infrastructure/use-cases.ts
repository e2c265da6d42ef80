import { instanceCachingFactory, type DependencyContainer, type InjectionToken } from 'tsyringe';
import { CreateActor } from '../application/actors/create-actor.ts';
import { DeleteActor } from '../application/actors/delete-actor.ts';
import { GetActor } from '../application/actors/get-actor.ts';
import { ListActors } from '../application/actors/list-actors.ts';
import { UpdateActor } from '../application/actors/update-actor.ts';
import { CastActor } from '../application/castings/cast-actor.ts';
import { ListCast } from '../application/castings/list-cast.ts';
import { UncastActor } from '../application/castings/uncast-actor.ts';
import { CreateMovie } from '../application/movies/create-movie.ts';
import { DeleteMovie } from '../application/movies/delete-movie.ts';
import { GetMovie } from '../application/movies/get-movie.ts';
import { ListGenres } from '../application/movies/list-genres.ts';
import { ListMovies } from '../application/movies/list-movies.ts';
import { UpdateMovie } from '../application/movies/update-movie.ts';
import { ACTOR_REPOSITORY } from '../application/ports/actor-repository.ts';
import { CASTING_REPOSITORY } from '../application/ports/casting-repository.ts';
import { MOVIE_REPOSITORY } from '../application/ports/movie-repository.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- use-case constructors differ
type UseCaseClass = new (...deps: any[]) => unknown;

/**
 * Each use case with the port tokens its constructor takes, in order. Explicit tokens
 * instead of decorators: a missing registration fails loudly at resolve time.
 */
const USE_CASES: [UseCaseClass, ...InjectionToken[]][] = [
  [CreateMovie, MOVIE_REPOSITORY],
  [GetMovie, CASTING_REPOSITORY],
  [ListMovies, MOVIE_REPOSITORY],
  [UpdateMovie, MOVIE_REPOSITORY],
  [DeleteMovie, MOVIE_REPOSITORY],
  [ListGenres, MOVIE_REPOSITORY],
  [CreateActor, ACTOR_REPOSITORY],
  [GetActor, ACTOR_REPOSITORY, CASTING_REPOSITORY],
  [ListActors, ACTOR_REPOSITORY],
  [UpdateActor, ACTOR_REPOSITORY],
  [DeleteActor, ACTOR_REPOSITORY],
  [CastActor, MOVIE_REPOSITORY, ACTOR_REPOSITORY, CASTING_REPOSITORY],
  [UncastActor, CASTING_REPOSITORY],
  [ListCast, MOVIE_REPOSITORY, CASTING_REPOSITORY],
];

export function registerUseCases(container: DependencyContainer): void {
  for (const [useCase, ...tokens] of USE_CASES) {
    const factory = instanceCachingFactory((c) => new useCase(...tokens.map((token) => c.resolve(token))));
    container.register(useCase, { useFactory: factory });
  }
}
