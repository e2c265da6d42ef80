import { Type, type TSchema } from 'typebox';
import { MOVIE_SORT_FIELDS } from '../../../application/ports/movie-repository.ts';
import { Id, IsoDate, Nullable, PagingFields, PagingQuery, SortQuery, Timestamp } from './common.ts';

export const Movie = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  release_date: Nullable(Type.String({ format: 'date' })),
  director: Nullable(Type.String()),
  genres: Type.Array(Type.String()),
  popularity: Nullable(Type.Number()),
  imdb_score: Nullable(Type.Number()),
  shoot_start: Nullable(Type.String({ format: 'date', description: 'first day of the shoot (casting workflow)' })),
  shoot_end: Nullable(Type.String({ format: 'date', description: 'last day of the shoot' })),
  created_at: Timestamp,
  updated_at: Timestamp,
  version: Type.Integer({ description: 'grows by one on every change; the ETag is made from it' }),
});

/** An actor as cast in a movie: the actor's fields plus the casting's. */
export const CastMember = Type.Object({
  id: Type.Integer({ description: 'the actor id' }),
  name: Type.String(),
  age: Type.Integer(),
  gender: Type.String(),
  character: Nullable(Type.String()),
  billing_order: Nullable(Type.Integer()),
});

export const MovieWithCast = Type.Object({ ...Movie.properties, cast: Type.Array(CastMember) });

const movieFields = {
  title: Type.String({ description: '1–200 characters (422 otherwise)' }),
  release_date: Type.Optional(Nullable(Type.String({ description: 'YYYY-MM-DD (422 otherwise)' }))),
  director: Type.Optional(Nullable(Type.String({ description: 'up to 200 characters' }))),
  genres: Type.Optional(Type.Array(Type.String(), { description: 'trimmed and de-duplicated ignoring case' })),
  popularity: Type.Optional(Nullable(Type.Number({ description: '0–100 (422 otherwise)' }))),
  imdb_score: Type.Optional(Nullable(Type.Number({ description: '0–10 (422 otherwise)' }))),
  shoot_start: Type.Optional(
    Nullable(Type.String({ description: 'YYYY-MM-DD; set together with shoot_end, start ≤ end (422 otherwise)' })),
  ),
  shoot_end: Type.Optional(Nullable(Type.String({ description: 'YYYY-MM-DD, not before shoot_start' }))),
};

export const CreateMovieBody = Type.Object(movieFields, { additionalProperties: false });

export const PatchMovieBody = Type.Object(
  { ...movieFields, title: Type.Optional(movieFields.title) },
  { additionalProperties: false, minProperties: 1, description: 'any non-empty subset of the movie fields' },
);

const Range = <T extends TSchema>(description: string, type: () => T) => ({
  gte: Type.Optional(withDescription(type(), `${description} at least`)),
  lte: Type.Optional(withDescription(type(), `${description} at most`)),
});

const withDescription = <T extends TSchema>(type: T, description: string): T => Object.assign(type, { description });

const score = Range('imdb_score', () => Type.Number());
const popularity = Range('popularity', () => Type.Number());
const released = Range('release_date', () => IsoDate('release date'));

export const MovieListQuery = Type.Object(
  {
    ...PagingQuery,
    sort: Type.Optional(SortQuery(MOVIE_SORT_FIELDS)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'case-insensitive substring of the title' })),
    director: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'exact, ignoring case' })),
    genre: Type.Optional(
      Type.String({
        maxLength: 500,
        pattern: '^[^,|]+((,[^,|]+)*|(\\|[^,|]+)*)$',
        description: '`a,b`: movies with every one of these genres; `a|b`: with at least one (not both forms at once)',
      }),
    ),
    'imdb_score.gte': score.gte,
    'imdb_score.lte': score.lte,
    'popularity.gte': popularity.gte,
    'popularity.lte': popularity.lte,
    'release_date.gte': released.gte,
    'release_date.lte': released.lte,
    actor: Type.Optional(Id('only movies this actor is cast in')),
  },
  { additionalProperties: false },
);

export const MovieList = Type.Object({ success: Type.Literal(true), movies: Type.Array(Movie), ...PagingFields });

export const OneMovie = Type.Object({ success: Type.Literal(true), movie: MovieWithCast });

export const WrittenMovie = Type.Object({
  success: Type.Literal(true),
  movie: Movie,
  movies: Type.Array(Movie, { description: 'the same movie, for Casting Agency clients' }),
});
