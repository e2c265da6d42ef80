import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CastActor } from '../../../application/castings/cast-actor.ts';
import type { ListCast } from '../../../application/castings/list-cast.ts';
import type { UncastActor } from '../../../application/castings/uncast-actor.ts';
import { CastActorBody, CastCreated, CastingParams, castingView, CastList, Uncast } from '../wire/casting.ts';
import { errors, IdParams } from '../wire/common.ts';
import { castMemberView } from '../wire/movie.ts';

const tags = ['castings'];

/** The use cases these routes call. */
export interface CastingUseCases {
  castActor: CastActor;
  listCast: ListCast;
  uncastActor: UncastActor;
}

export const castingRoutes: FastifyPluginAsyncTypebox<{ useCases: CastingUseCases }> = async (app, { useCases }) => {
  app.get('/movies/:id/actors', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'listCast',
      tags,
      summary: 'The cast of a movie, in billing order',
      params: IdParams,
      response: { 200: CastList, ...errors(404) },
    },
    handler: async (request) => {
      const cast = await useCases.listCast.execute({ movieId: request.params.id });
      return { success: true as const, movie_id: request.params.id, actors: cast.map(castMemberView) };
    },
  });

  app.post('/movies/:id/actors', {
    config: { permission: 'patch:movies' },
    schema: {
      operationId: 'castActor',
      tags,
      summary: 'Cast an actor in a movie',
      description: 'Location points at the cast list. A pair already cast is a 409.',
      params: IdParams,
      body: CastActorBody,
      response: { 201: CastCreated, ...errors(404, 409, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const { actor_id: actorId, character, billing_order: billingOrder } = request.body;
      const casting = await useCases.castActor.execute({ movieId: request.params.id, actorId, character, billingOrder });
      reply.code(201).header('location', `/movies/${casting.movieId}/actors`);
      return { success: true as const, casting: castingView(casting) };
    },
  });

  app.delete('/movies/:id/actors/:actor_id', {
    config: { permission: 'patch:movies' },
    schema: {
      operationId: 'uncastActor',
      tags,
      summary: 'Remove an actor from the cast',
      params: CastingParams,
      response: { 200: Uncast, ...errors(404) },
    },
    handler: async (request) => {
      const { id: movieId, actor_id: actorId } = request.params;
      await useCases.uncastActor.execute({ movieId, actorId });
      return { success: true as const, deleted: actorId, movie_id: movieId };
    },
  });
};
