import type { Movie } from '../../domain/movie.ts';
import type { MovieFilter, MovieRepository, MovieSortField } from '../ports/movie-repository.ts';
import type { Page, PageRequest } from '../ports/paging.ts';

export class ListMovies {
  private readonly movies: MovieRepository;
  constructor(movies: MovieRepository) {
    this.movies = movies;
  }

  execute(input: { filter: MovieFilter; page: PageRequest<MovieSortField> }): Promise<Page<Movie>> {
    return this.movies.list(input.filter, input.page);
  }
}
