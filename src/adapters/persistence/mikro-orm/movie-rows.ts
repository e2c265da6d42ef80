import type { MovieFilter, MovieSortField } from '../../../application/ports/movie-repository.ts';
import { Movie } from '../../../domain/movie.ts';
import { containsPattern, epochMs, rangeConditions, type SqlParams } from './sql-query.ts';

export const MOVIE_COLUMNS = [
  'id',
  'title',
  'release_date::text as release_date',
  'director',
  'genres',
  'popularity',
  'imdb_score',
  epochMs('created_at', 'created_ms'),
  epochMs('updated_at', 'updated_ms'),
  'version',
].join(', ');

export interface MovieRow {
  id: number;
  title: string;
  release_date: string | null;
  director: string | null;
  genres: string[];
  popularity: number | null;
  imdb_score: number | null;
  created_ms: number;
  updated_ms: number;
  version: number;
}

export const MOVIE_SORT_COLUMNS: Record<MovieSortField, string> = {
  title: 'title',
  release_date: 'release_date',
  imdb_score: 'imdb_score',
  popularity: 'popularity',
  director: 'director',
  created_at: 'created_at',
  id: 'id',
};

export function movieFromRow(row: MovieRow): Movie {
  return Movie.restore({
    id: row.id,
    title: row.title,
    releaseDate: row.release_date,
    director: row.director,
    genres: row.genres,
    popularity: row.popularity,
    imdbScore: row.imdb_score,
    createdAt: new Date(row.created_ms),
    updatedAt: new Date(row.updated_ms),
    version: row.version,
  });
}

/** The stored fields in column order: title, release_date, director, genres, popularity, imdb_score, created_at, updated_at, version. */
export const movieValues = (movie: Movie): unknown[] => [
  movie.title,
  movie.releaseDate,
  movie.director,
  movie.genres,
  movie.popularity,
  movie.imdbScore,
  movie.createdAt.toISOString(),
  movie.updatedAt.toISOString(),
  movie.version,
];

/** Genres compare ignoring case: both sides go through lower_text_array, which the GIN index covers. */
export function movieConditions(filter: MovieFilter, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (filter.q !== undefined) conditions.push(`lower(title) like lower(${params.add(containsPattern(filter.q))}) escape '\\'`);
  if (filter.director !== undefined) conditions.push(`lower(director) = lower(${params.add(filter.director)})`);
  if (filter.genresAll?.length) conditions.push(`lower_text_array(genres) @> lower_text_array(${params.add(filter.genresAll)}::text[])`);
  if (filter.genresAny?.length) conditions.push(`lower_text_array(genres) && lower_text_array(${params.add(filter.genresAny)}::text[])`);
  conditions.push(...rangeConditions('imdb_score', filter.imdbScore, params));
  conditions.push(...rangeConditions('popularity', filter.popularity, params));
  conditions.push(...rangeConditions('release_date', filter.releaseDate, params, '::date'));
  if (filter.idAfter !== undefined) conditions.push(`id > ${params.add(filter.idAfter)}`);
  if (filter.actorId !== undefined) {
    conditions.push(
      `exists (select 1 from casting where casting.movie_id = movie.id and casting.actor_id = ${params.add(filter.actorId)})`,
    );
  }
  return conditions;
}
