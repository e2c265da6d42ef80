import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ListGenres } from '../../../application/movies/list-genres.ts';
import { errors } from '../wire/common.ts';

const GenreList = Type.Object({
  success: Type.Literal(true),
  genres: Type.Array(Type.Object({ name: Type.String(), movies: Type.Integer({ description: 'how many movies have it' }) }), {
    description: 'most frequent first',
  }),
});

/** The use cases these routes call. */
export interface GenreUseCases {
  listGenres: ListGenres;
}

export const genreRoutes: FastifyPluginAsyncTypebox<{ useCases: GenreUseCases }> = async (app, { useCases }) => {
  app.get('/genres', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'listGenres',
      tags: ['movies'],
      summary: 'Genre names with movie counts',
      response: { 200: GenreList, ...errors() },
    },
    handler: async () => ({ success: true as const, genres: await useCases.listGenres.execute() }),
  });
};
