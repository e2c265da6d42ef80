import { Casting, type CastingInput } from '../../domain/casting.ts';
import { notFound } from '../../domain/errors.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';
import type { CastingRepository } from '../ports/casting-repository.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';

/** Casts an actor in a movie; both must exist, and a pair is cast once (409). */
export class CastActor {
  private readonly movies: MovieRepository;
  private readonly actors: ActorRepository;
  private readonly castings: CastingRepository;
  constructor(movies: MovieRepository, actors: ActorRepository, castings: CastingRepository) {
    this.movies = movies;
    this.actors = actors;
    this.castings = castings;
  }

  async execute(input: CastingInput): Promise<Casting> {
    const casting = Casting.create(input);
    if (!(await this.movies.findById(input.movieId))) throw notFound('movie', input.movieId);
    if (!(await this.actors.findById(input.actorId))) throw notFound('actor', input.actorId);
    return this.castings.insert(casting);
  }
}
