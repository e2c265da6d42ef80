import type { Movie } from '../../domain/movie.ts';
import type { MovieFilter, MovieRepository } from '../ports/movie-repository.ts';

export const EXPORT_PAGE_SIZE = 1000;

/**
 * GET /movies/export — every movie matching the filter, in id order, fetched in keyset pages
 * (`id > last`), so memory stays one page whatever the catalog's size and no page costs an
 * OFFSET scan. Movies changed while the export runs may or may not appear in their new state.
 */
export class ExportMovies {
  private readonly movies: MovieRepository;

  constructor(movies: MovieRepository) {
    this.movies = movies;
  }

  async *execute(input: { filter: MovieFilter; pageSize?: number }): AsyncGenerator<Movie> {
    const limit = input.pageSize ?? EXPORT_PAGE_SIZE;
    let idAfter = 0;
    for (;;) {
      const page = await this.movies.list({ ...input.filter, idAfter }, { page: 1, limit, sort: [{ field: 'id', direction: 'asc' }] });
      yield* page.items;
      const last = page.items.at(-1);
      if (!last || page.items.length < limit) return;
      idAfter = last.id;
    }
  }
}
