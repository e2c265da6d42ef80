import type { GenreCount, MovieRepository } from '../ports/movie-repository.ts';

export class ListGenres {
  private readonly movies: MovieRepository;
  constructor(movies: MovieRepository) {
    this.movies = movies;
  }

  execute(): Promise<GenreCount[]> {
    return this.movies.genres();
  }
}
