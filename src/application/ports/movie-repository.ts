import type { Movie } from '../../domain/movie.ts';
import type { Page, PageRequest, Range } from './paging.ts';

export const MOVIE_SORT_FIELDS = ['title', 'release_date', 'imdb_score', 'popularity', 'director', 'created_at', 'id'] as const;
export type MovieSortField = (typeof MOVIE_SORT_FIELDS)[number];

export interface MovieFilter {
  q?: string; // search text: title and director, see domain/search-text.ts
  director?: string; // exact, ignoring case
  genresAll?: string[]; // every one of these (a,b)
  genresAny?: string[]; // at least one of these (a|b)
  imdbScore?: Range<number>;
  popularity?: Range<number>;
  releaseDate?: Range<string>;
  actorId?: number;
  idAfter?: number; // only ids greater than this: keyset paging for exports
}

export interface GenreCount {
  name: string;
  movies: number;
}

export interface MovieRepository {
  findById(id: number): Promise<Movie | null>;
  list(filter: MovieFilter, page: PageRequest<MovieSortField>): Promise<Page<Movie>>;
  /** Stores a new movie; throws a MOVIE_CONFLICT DomainError when its natural key exists. */
  insert(movie: Movie): Promise<Movie>;
  /** Saves `movie` only if the stored version is still `expectedVersion`; false otherwise. */
  update(movie: Movie, expectedVersion: number): Promise<boolean>;
  /** Removes the movie and its castings; false when there was none (at `expectedVersion`, if given). */
  delete(id: number, expectedVersion?: number): Promise<boolean>;
  genres(): Promise<GenreCount[]>;
}
