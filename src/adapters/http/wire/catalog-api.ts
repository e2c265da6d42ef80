import { Type } from 'typebox';
import { MOVIE_SORT_FIELDS } from '../../../application/ports/movie-repository.ts';
import { Id, Nullable, PagingFields, PagingQuery, SortQuery } from './common.ts';

/** A movie as the catalog API named its fields. */
export const CatalogMovie = Type.Object({
  id: Type.Integer(),
  movie_name: Type.String(),
  director: Nullable(Type.String()),
  genre: Type.Array(Type.String()),
  popularity: Nullable(Type.Number({ description: "0–100 (the data set's 99popularity)" })),
  imdbScore: Nullable(Type.Number({ description: '0–10' })),
});

const fields = {
  movie_name: Type.String({ description: '1–200 characters (422 otherwise)' }),
  director: Type.Optional(Nullable(Type.String({ description: 'up to 200 characters' }))),
  genre: Type.Optional(Type.Array(Type.String(), { description: 'genre names; trimmed and de-duplicated ignoring case' })),
  popularity: Type.Optional(Nullable(Type.Number({ description: '0–100 (422 otherwise)' }))),
  imdbScore: Type.Optional(Nullable(Type.Number({ description: '0–10 (422 otherwise)' }))),
};

export const AddMovieBody = Type.Object(fields, { additionalProperties: false });

export const UpdateMovieBody = Type.Object(
  { id: Id('the movie to change'), ...fields, movie_name: Type.Optional(fields.movie_name) },
  { additionalProperties: false, minProperties: 2, description: 'the id and any non-empty subset of the other fields' },
);

export const CatalogListQuery = Type.Object(
  { ...PagingQuery, sort: Type.Optional(SortQuery(MOVIE_SORT_FIELDS)) },
  { additionalProperties: false },
);

export const OneCatalogMovie = Type.Object({ success: Type.Literal(true), movie: CatalogMovie });

export const CatalogMovieList = Type.Object({ success: Type.Literal(true), movies: Type.Array(CatalogMovie), ...PagingFields });
