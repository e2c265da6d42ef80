import type { Movie } from '../../../domain/movie.ts';

/**
 * One batch as column arrays for `unnest`: one bind parameter per column, whatever the batch
 * size. Genres travel as PostgreSQL array literals (`{"a","b"}`), cast back per row, because
 * unnest of a two-dimensional array would flatten it.
 */
export function movieColumns(movies: readonly Movie[]): unknown[][] {
  return [
    movies.map((movie) => movie.title),
    movies.map((movie) => movie.releaseDate),
    movies.map((movie) => movie.director),
    movies.map((movie) => arrayLiteral(movie.genres)),
    movies.map((movie) => movie.popularity),
    movies.map((movie) => movie.imdbScore),
    movies.map((movie) => movie.createdAt.toISOString()),
    movies.map((movie) => movie.updatedAt.toISOString()),
  ];
}

/** `{"Drama","Sci-Fi"}` with `"` and `\` escaped, so any genre text round-trips. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

const FIELDS = ['title', 'release_date', 'director', 'genres', 'popularity', 'imdb_score'];
const stored = FIELDS.map((field) => `movie.${field}`).join(', ');
const incoming = FIELDS.map((field) => `excluded.${field}`).join(', ');

/**
 * Inserts new natural keys (ids in batch order: `order by n`), overwrites existing ones whose
 * fields differ (exact comparison, so a change of case counts), and skips identical ones: those
 * return no row, so unchanged = batch size − rows returned. `xmax = 0` marks a fresh insert.
 */
export const UPSERT_BATCH_SQL = `insert into movie (title, release_date, director, genres, popularity, imdb_score, created_at, updated_at, version)
select r.title, r.release_date, r.director, r.genres::text[], r.popularity, r.imdb_score, r.created_at, r.updated_at, 1
from unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::timestamptz[], $8::timestamptz[])
  with ordinality as r(title, release_date, director, genres, popularity, imdb_score, created_at, updated_at, n)
order by r.n
on conflict (lower(title), lower(coalesce(director, '')), coalesce(release_date, '0001-01-01'::date))
do update set ${FIELDS.map((field) => `${field} = excluded.${field}`).join(', ')}, updated_at = excluded.updated_at, version = movie.version + 1
where (${stored}) is distinct from (${incoming})
returning (xmax = 0) as inserted`;

/** Imports hold this transaction-scoped advisory lock, so two overlapping files queue instead of deadlocking. */
export const IMPORT_LOCK_KEY = 0x4d51_494d; // "MQIM"
