import { Movie, type MovieInput } from '../../domain/movie.ts';
import type { Clock } from '../ports/clock.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';

export class CreateMovie {
  private readonly movies: MovieRepository;
  private readonly clock: Clock;
  constructor(movies: MovieRepository, clock: Clock) {
    this.movies = movies;
    this.clock = clock;
  }

  execute(input: MovieInput): Promise<Movie> {
    return this.movies.insert(Movie.create(input, this.clock.now()));
  }
}
