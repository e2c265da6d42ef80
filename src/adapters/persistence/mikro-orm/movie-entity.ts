import { defineEntity, p } from '@mikro-orm/core';

/** The natural key ignoring case; a missing release date counts as one value, not NULL. The import's upsert conflicts on it. */
export const NATURAL_KEY = `(lower("title"), lower(coalesce("director", '')), coalesce("release_date", '0001-01-01'::date))`;

/**
 * The movie table, declared once: its columns, their types, and its indexes. The Kysely row
 * types the repositories query with are inferred from this (see kysely-database.ts), and
 * migrations are diffed against it (`npm run migration:check`).
 */
export const MovieEntity = defineEntity({
  name: 'Movie',
  tableName: 'movie',
  properties: {
    id: p.integer().primary().autoincrement(),
    title: p.string().length(200),
    releaseDate: p.date().nullable(),
    director: p.string().length(200).nullable(),
    genres: p.array().columnType('text[]').defaultRaw("'{}'"),
    popularity: p.double().$type<number>().nullable(),
    imdbScore: p.double().$type<number>().nullable(),
    shootStart: p.date().nullable(),
    shootEnd: p.date().nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version().default(1),
  },
  indexes: [
    { name: 'movie_natural_key_unique', expression: naturalKeyIndex() },
    // `q` (text-search.ts): trigrams of the folded title and director serve LIKE and `<%` alike.
    ...['title', 'director'].map((column) => ({
      name: `movie_${column}_search_index`,
      expression: `create index "movie_${column}_search_index" on "movie" using gin (marquee_fold("${column}") gin_trgm_ops)`,
    })),
    // A ranked search's best tiers (text-tiers.ts): the folded title equal to `q` or starting with it.
    {
      name: 'movie_title_fold_index',
      expression: 'create index "movie_title_fold_index" on "movie" (marquee_fold("title") text_pattern_ops)',
    },
    { name: 'movie_genres_index', expression: 'create index "movie_genres_index" on "movie" using gin (lower_text_array("genres"))' },
    { name: 'movie_lower_director_index', expression: 'create index "movie_lower_director_index" on "movie" (lower("director"))' },
    // Shoots overlapping a window (candidates): only movies that have one, days inclusive.
    {
      name: 'movie_shoot_window_index',
      expression: `create index "movie_shoot_window_index" on "movie" using gist (daterange("shoot_start", "shoot_end", '[]')) where "shoot_start" is not null`,
    },
    // Sort keys, each with the id tie-breaker (NULLs sort as PostgreSQL does: last ascending).
    { name: 'movie_title_index', properties: ['title', 'id'] },
    { name: 'movie_imdb_score_index', properties: ['imdbScore', 'id'] },
    { name: 'movie_popularity_index', properties: ['popularity', 'id'] },
    { name: 'movie_release_date_index', properties: ['releaseDate', 'id'] },
    { name: 'movie_created_at_index', properties: ['createdAt', 'id'] },
    { name: 'movie_director_index', properties: ['director', 'id'] },
    // Descending sorts put missing values last; a backward scan of the ascending indexes would not.
    ...['imdb_score', 'popularity', 'release_date'].map((column) => ({
      name: `movie_${column}_desc_index`,
      expression: `create index "movie_${column}_desc_index" on "movie" ("${column}" desc nulls last, "id")`,
    })),
  ],
});

function naturalKeyIndex(): string {
  return `create unique index "movie_natural_key_unique" on "movie" ${NATURAL_KEY}`;
}
