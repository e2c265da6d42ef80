import { notFound } from '../../domain/errors.ts';
import type { CastingRepository, CastMember } from '../ports/casting-repository.ts';
import type { MovieRepository } from '../ports/movie-repository.ts';

export class ListCast {
  private readonly movies: MovieRepository;
  private readonly castings: CastingRepository;
  constructor(movies: MovieRepository, castings: CastingRepository) {
    this.movies = movies;
    this.castings = castings;
  }

  async execute(input: { movieId: number }): Promise<CastMember[]> {
    if (!(await this.movies.findById(input.movieId))) throw notFound('movie', input.movieId);
    return this.castings.castOf(input.movieId);
  }
}
