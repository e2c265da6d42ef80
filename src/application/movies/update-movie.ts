import type { Movie, MoviePatch } from '../../domain/movie.ts';
import type { Clock } from '../ports/clock.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface UpdateMovieInput {
  id: number;
  patch: MoviePatch;
  ifMatch?: number; // the version the client last saw
}

export class UpdateMovie {
  private readonly movies: MovieRepository;
  private readonly clock: Clock;
  constructor(movies: MovieRepository, clock: Clock) {
    this.movies = movies;
    this.clock = clock;
  }

  execute(input: UpdateMovieInput): Promise<Movie> {
    return versionedUpdate(this.movies, 'movie', input.id, input.ifMatch, (movie) => movie.withChanges(input.patch, this.clock.now()));
  }
}
