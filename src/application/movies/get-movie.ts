import { notFound } from '../../domain/errors.ts';
import type { Movie } from '../../domain/movie.ts';
import type { CastingRepository, CastMember } from '../ports/casting-repository.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';

export interface MovieWithCast {
  movie: Movie;
  cast: CastMember[];
}

export class GetMovie {
  private readonly movies: MovieRepository;
  private readonly castings: CastingRepository;
  constructor(movies: MovieRepository, castings: CastingRepository) {
    this.movies = movies;
    this.castings = castings;
  }

  async execute(input: { id: number }): Promise<MovieWithCast> {
    const movie = await this.movies.findById(input.id);
    if (!movie) throw notFound('movie', input.id);
    return { movie, cast: await this.castings.castOf(movie.id) };
  }
}
