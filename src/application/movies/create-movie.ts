import { Movie, type MovieInput } from '../../domain/movie.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';

export class CreateMovie {
  private readonly movies: MovieRepository;
  constructor(movies: MovieRepository) {
    this.movies = movies;
  }

  execute(input: MovieInput): Promise<Movie> {
    return this.movies.insert(Movie.create(input));
  }
}
