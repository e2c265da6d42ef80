import { EntitySchema, type EntityCtor } from '@mikro-orm/core';
import { Actor } from '../../../domain/actor.ts';
import { Casting } from '../../../domain/casting.ts';
import { Movie } from '../../../domain/movie.ts';

/*
 * The pure domain classes mapped to tables, without touching them. The repositories read
 * and write with plain SQL; these schemas are what migrations are diffed against, so every
 * index the migrations create is declared here too (expression indexes as raw SQL).
 */
const timestamps = {
  createdAt: { type: 'datetime', columnType: 'timestamptz', fieldName: 'created_at' },
  updatedAt: { type: 'datetime', columnType: 'timestamptz', fieldName: 'updated_at' },
  version: { type: 'integer', default: 1 },
} as const;

/** Domain constructors are private (entities come from create/restore); the ORM never calls them. */
const domainClass = <T>(cls: { prototype: T }): EntityCtor<T> => cls as unknown as EntityCtor<T>;

export const MovieSchema = new EntitySchema<Movie>({
  class: domainClass(Movie),
  tableName: 'movie',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    title: { type: 'string', columnType: 'varchar(200)' },
    releaseDate: { type: 'date', columnType: 'date', fieldName: 'release_date', nullable: true },
    director: { type: 'string', columnType: 'varchar(200)', nullable: true },
    genres: { type: 'text[]', columnType: 'text[]', defaultRaw: "'{}'" },
    popularity: { type: 'double', columnType: 'double precision', nullable: true },
    imdbScore: { type: 'double', columnType: 'double precision', fieldName: 'imdb_score', nullable: true },
    // The casting workflow's shoot window: not stored until its migration lands (persist: false keeps the diff empty).
    shootStart: { type: 'date', persist: false, nullable: true },
    shootEnd: { type: 'date', persist: false, nullable: true },
    ...timestamps,
  },
  indexes: [
    { name: 'movie_natural_key_unique', expression: naturalKeyIndex() },
    {
      name: 'movie_title_trgm_index',
      expression: 'create index "movie_title_trgm_index" on "movie" using gin (lower("title") gin_trgm_ops)',
    },
    { name: 'movie_genres_index', expression: 'create index "movie_genres_index" on "movie" using gin (lower_text_array("genres"))' },
    { name: 'movie_lower_director_index', expression: 'create index "movie_lower_director_index" on "movie" (lower("director"))' },
    // Sort keys, each with the id tie-breaker (NULLs sort as PostgreSQL does: last ascending).
    { name: 'movie_title_index', properties: ['title', 'id'] },
    { name: 'movie_imdb_score_index', properties: ['imdbScore', 'id'] },
    { name: 'movie_popularity_index', properties: ['popularity', 'id'] },
    { name: 'movie_release_date_index', properties: ['releaseDate', 'id'] },
    { name: 'movie_created_at_index', properties: ['createdAt', 'id'] },
    { name: 'movie_director_index', properties: ['director', 'id'] },
  ],
});

export const ActorSchema = new EntitySchema<Actor>({
  class: domainClass(Actor),
  tableName: 'actor',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    name: { type: 'string', columnType: 'varchar(200)' },
    age: { type: 'integer' },
    gender: { type: 'string', columnType: 'varchar(32)' },
    ...timestamps,
  },
  indexes: [
    { name: 'actor_name_trgm_index', expression: 'create index "actor_name_trgm_index" on "actor" using gin (lower("name") gin_trgm_ops)' },
    { name: 'actor_name_index', properties: ['name', 'id'] },
    { name: 'actor_age_index', properties: ['age', 'id'] },
    { name: 'actor_lower_gender_index', expression: 'create index "actor_lower_gender_index" on "actor" (lower("gender"))' },
    { name: 'actor_created_at_index', properties: ['createdAt', 'id'] },
  ],
});

/** A casting's key is the (movie, actor) pair, which also makes a pair unique. */
export const CastingSchema = new EntitySchema<Casting>({
  class: Casting,
  tableName: 'casting',
  properties: {
    movieId: { kind: 'm:1', entity: () => Movie, fieldName: 'movie_id', primary: true, deleteRule: 'cascade', updateRule: 'cascade' },
    actorId: { kind: 'm:1', entity: () => Actor, fieldName: 'actor_id', primary: true, deleteRule: 'cascade', updateRule: 'cascade' },
    character: { type: 'string', columnType: 'varchar(200)', nullable: true },
    billingOrder: { type: 'integer', fieldName: 'billing_order', nullable: true },
  },
  indexes: [{ name: 'casting_actor_id_index', properties: ['actorId'] }],
} as never);

export const catalogEntities = [MovieSchema, ActorSchema, CastingSchema];

/** The natural key ignoring case; a missing release date counts as one value, not NULL. */
function naturalKeyIndex(): string {
  return `create unique index "movie_natural_key_unique" on "movie" (lower("title"), lower(coalesce("director", '')), coalesce("release_date", '0001-01-01'::date))`;
}
