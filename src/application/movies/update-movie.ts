import type { Movie, MoviePatch } from '../../domain/movie.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface UpdateMovieInput {
  id: number;
  patch: MoviePatch;
  ifMatch?: number; // the version the client last saw
}

export class UpdateMovie {
  private readonly movies: MovieRepository;
  constructor(movies: MovieRepository) {
    this.movies = movies;
  }

  execute(input: UpdateMovieInput): Promise<Movie> {
    return versionedUpdate(this.movies, 'movie', input.id, input.ifMatch, (movie) => movie.withChanges(input.patch));
  }
}
