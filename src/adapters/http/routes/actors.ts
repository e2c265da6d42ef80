import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CreateActor } from '../../../application/actors/create-actor.ts';
import type { DeleteActor } from '../../../application/actors/delete-actor.ts';
import type { GetActor } from '../../../application/actors/get-actor.ts';
import type { ListActors } from '../../../application/actors/list-actors.ts';
import type { UpdateActor } from '../../../application/actors/update-actor.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import { answeredNotModified, etagOf, ifMatchVersion } from '../conditional.ts';
import { keysetPageRequest, keysetPagingOf } from '../keyset-paging.ts';
import { ActorList, actorView, CreateActorBody, OneActor, PatchActorBody, roleView, WrittenActor } from '../wire/actor.ts';
import { ACTOR_CURSORS, actorFilter, ActorListQuery } from '../wire/actor-list.ts';
import { Deleted, errors, IdParams, NotModified } from '../wire/common.ts';

const tags = ['actors'];

/** The use cases these routes call. */
export interface ActorUseCases {
  createActor: CreateActor;
  deleteActor: DeleteActor;
  getActor: GetActor;
  listActors: ListActors;
  updateActor: UpdateActor;
}

export const actorRoutes: FastifyPluginAsyncTypebox<{ useCases: ActorUseCases }> = async (app, { useCases }) => {
  app.get('/actors', {
    config: { permission: 'get:actors' },
    schema: {
      operationId: 'listActors',
      tags,
      summary: 'List actors',
      querystring: ActorListQuery,
      response: { 200: ActorList, ...errors() },
    },
    handler: async (request, reply) => {
      const query = request.query;
      const page = await useCases.listActors.execute({ filter: actorFilter(query), page: keysetPageRequest(query, ACTOR_CURSORS) });
      return { success: true as const, actors: page.items.map(actorView), ...keysetPagingOf(request, reply, query, page, ACTOR_CURSORS) };
    },
  });

  app.post('/actors', {
    config: { permission: 'post:actors' },
    schema: {
      operationId: 'createActor',
      tags,
      summary: 'Create an actor',
      body: CreateActorBody,
      response: { 201: WrittenActor, ...errors(413, 415, 422) },
    },
    handler: async (request, reply) => {
      const actor = actorView(await useCases.createActor.execute(request.body));
      reply.code(201).header('location', `/actors/${actor.id}`).header('etag', etagOf(actor.version));
      return { success: true as const, actor, actors: [actor] };
    },
  });

  app.get('/actors/:id', {
    config: { permission: 'get:actors' },
    schema: {
      operationId: 'getActor',
      tags,
      summary: 'An actor with their movies',
      params: IdParams,
      response: { 200: OneActor, 304: NotModified, ...errors(404) },
    },
    handler: async (request, reply) => {
      const { actor, roles } = await useCases.getActor.execute({ id: request.params.id });
      const movies = roles.map(roleView);
      if (answeredNotModified(request, reply, etagOf(actor.version, movies))) return reply;
      return { success: true as const, actor: { ...actorView(actor), movies } };
    },
  });

  app.patch('/actors/:id', {
    config: { permission: 'patch:actors' },
    schema: {
      operationId: 'updateActor',
      tags,
      summary: 'Change an actor',
      description: 'Send If-Match with the ETag you read to refuse the change when someone changed the actor meanwhile.',
      params: IdParams,
      body: PatchActorBody,
      response: { 200: WrittenActor, ...errors(404, 412, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const input = { id: request.params.id, patch: withoutUndefined(request.body), ifMatch: ifMatchVersion(request) };
      const actor = actorView(await useCases.updateActor.execute(input));
      reply.header('etag', etagOf(actor.version));
      return { success: true as const, actor, actors: [actor] };
    },
  });

  app.delete('/actors/:id', {
    config: { permission: 'delete:actors' },
    schema: {
      operationId: 'deleteActor',
      tags,
      summary: 'Delete an actor and their castings',
      params: IdParams,
      response: { 200: Deleted, ...errors(404, 412) },
    },
    handler: async (request) => {
      const deleted = await useCases.deleteActor.execute({ id: request.params.id, ifMatch: ifMatchVersion(request) });
      return { success: true as const, deleted };
    },
  });
};
