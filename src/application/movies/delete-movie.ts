import type { MovieRepository } from '../ports/movie-repository.ts';
import { versionedDelete } from '../versioned-delete.ts';

export class DeleteMovie {
  private readonly movies: MovieRepository;
  constructor(movies: MovieRepository) {
    this.movies = movies;
  }

  /** Deletes the movie and its castings; a stale `ifMatch` refuses with 412. Returns the id. */
  execute(input: { id: number; ifMatch?: number }): Promise<number> {
    return versionedDelete(this.movies, 'movie', input.id, input.ifMatch);
  }
}
