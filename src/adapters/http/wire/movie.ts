import { Type, type Static } from 'typebox';
import type { CastMember as DomainCastMember } from '../../../application/ports/casting-repository.ts';
import { type Movie as DomainMovie, type MovieInput, type MoviePatch } from '../../../domain/movie.ts';
import { KeysetPagingFields, Nullable, Timestamp } from './common.ts';
import { domainFields, wireView, type NoFields, type UnmatchedFields } from './fields.ts';

/** The wire module of movies: their schemas, the view (domain → wire) and the input (wire → domain). */

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

export const MovieList = Type.Object({ success: Type.Literal(true), movies: Type.Array(Movie), ...KeysetPagingFields });

export const OneMovie = Type.Object({ success: Type.Literal(true), movie: MovieWithCast });

export const WrittenMovie = Type.Object({
  success: Type.Literal(true),
  movie: Movie,
  movies: Type.Array(Movie, { description: 'the same movie, for Casting Agency clients' }),
});

/** Domain → wire. */
export const movieView = wireView(Movie);

export function castMemberView(member: DomainCastMember): Static<typeof CastMember> {
  const { id, name, age, gender } = member.actor;
  return { id, name, age, gender, character: member.character, billing_order: member.billingOrder };
}

/** The snake_case body → the domain's input; absent fields stay absent (PATCH). */
export function movieInput(body: Static<typeof CreateMovieBody>): MovieInput;
export function movieInput(body: Static<typeof PatchMovieBody>): MoviePatch;
export function movieInput(body: Static<typeof PatchMovieBody>): MoviePatch {
  return domainFields(body);
}

// The wire and the domain carry the same fields: one added to either side only is named by tsc here.
type _SameMovieFields = NoFields<
  UnmatchedFields<Static<typeof Movie>, DomainMovie> | UnmatchedFields<Static<typeof CreateMovieBody>, MovieInput>
>;
