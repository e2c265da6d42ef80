import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { GetActorSchedule } from '../../../application/auditions/get-actor-schedule.ts';
import type { GetAudition } from '../../../application/auditions/get-audition.ts';
import type { InviteActor } from '../../../application/auditions/invite-actor.ts';
import type { ListAuditions } from '../../../application/auditions/list-auditions.ts';
import type { MoveAudition } from '../../../application/auditions/move-audition.ts';
import type { AuditionSortField } from '../../../application/ports/audition-repository.ts';
import { AUDITION_MOVES } from '../../../domain/audition-states.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import { answeredNotModified, etagOf, ifMatchVersion } from '../conditional.ts';
import { pageRequest, pagingOf } from '../paging.ts';
import {
  AuditionList,
  AuditionListQuery,
  auditionView,
  InviteBody,
  OneAudition,
  Schedule,
  scheduledPartView,
  TransitionBody,
} from '../wire/audition.ts';
import { errors, IdParams, NotModified } from '../wire/common.ts';

const tags = ['auditions'];

/** The state graph, written from the table the domain enforces, so the document cannot drift from it. */
const STATE_GRAPH = Object.entries(AUDITION_MOVES)
  .filter(([, moves]) => Object.keys(moves).length > 0)
  .map(
    ([from, moves]) =>
      `- \`${from}\` → ${Object.entries(moves)
        .map(([to, permission]) => `\`${to}\` (${permission})`)
        .join(', ')}`,
  )
  .join('\n');

const TRANSITIONS = `Moves the audition along the state graph (each target with the permission it needs):

${STATE_GRAPH}

Anything else is a 409 \`INVALID_TRANSITION\`. Offering past the role's slots is 409 \`NO_OPEN_SLOT\`; a closed role takes no offer or acceptance (409 \`ROLE_NOT_OPEN\`). Offering and accepting check again that the actor fits the role as it is now (422 \`ACTOR_DOES_NOT_FIT\`, nothing changed: the role or the actor may have changed since the invitation); moves that end the audition stay allowed for a misfit. Accepting casts the actor with the role's name as character, refuses a part whose shoot overlaps one the actor already accepted (409 \`SCHEDULE_CONFLICT\`), and when the accepted parts reach the slots fills the role and ends its other live auditions \`rejected\` — all in one transaction. An actor is cast once per movie: accepting for an actor already cast in it (by \`POST /movies/:id/actors\`, or through another of its roles when the movie has no shoot window — with one, that part overlaps the first and the answer is \`SCHEDULE_CONFLICT\`) is a 409 \`CASTING_CONFLICT\` and changes nothing — the audition stays \`offered\`, to be declined or withdrawn; inviting and offering such an actor are allowed. Send If-Match to refuse the move when the audition changed meanwhile (412).`;

const by = (request: FastifyRequest) => request.principal ?? { subject: 'unknown', permissions: [] };

/** The use cases these routes call. */
export interface AuditionUseCases {
  getActorSchedule: GetActorSchedule;
  getAudition: GetAudition;
  inviteActor: InviteActor;
  listAuditions: ListAuditions;
  moveAudition: MoveAudition;
}

export const auditionRoutes: FastifyPluginAsyncTypebox<{ useCases: AuditionUseCases }> = async (app, { useCases }) => {
  app.post('/roles/:id/auditions', {
    config: { permission: 'manage:auditions' },
    schema: {
      operationId: 'inviteToAudition',
      tags,
      summary: 'Invite an actor to audition',
      description:
        'The role must be open (409 `ROLE_NOT_OPEN`), the actor must fit it (422 `ACTOR_DOES_NOT_FIT`) and may hold one live audition per role (409 `ALREADY_AUDITIONING`).',
      params: IdParams,
      body: InviteBody,
      response: { 201: OneAudition, ...errors(404, 409, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const { body } = request;
      const scheduledAt = body.scheduled_at ? new Date(body.scheduled_at) : null;
      const input = { roleId: request.params.id, actorId: body.actor_id, scheduledAt, note: body.note ?? null, by: by(request).subject };
      const audition = auditionView(await useCases.inviteActor.execute(input));
      reply.code(201).header('location', `/auditions/${audition.id}`).header('etag', etagOf(audition.version));
      return { success: true as const, audition };
    },
  });

  app.get('/roles/:id/auditions', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'listRoleAuditions',
      tags,
      summary: "A role's auditions with their history",
      params: IdParams,
      querystring: AuditionListQuery,
      response: { 200: AuditionList, ...errors(404) },
    },
    handler: async (request, reply) => {
      const { query } = request;
      const filter = { roleId: request.params.id, ...withoutUndefined({ state: query.state }) };
      const page = await useCases.listAuditions.execute({ filter, page: pageRequest<AuditionSortField>(query) });
      return { success: true as const, auditions: page.items.map(auditionView), ...pagingOf(request, reply, query, page) };
    },
  });

  app.get('/auditions/:id', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'getAudition',
      tags,
      summary: 'An audition with its history',
      params: IdParams,
      response: { 200: OneAudition, 304: NotModified, ...errors(404) },
    },
    handler: async (request, reply) => {
      const audition = auditionView(await useCases.getAudition.execute({ id: request.params.id }));
      if (answeredNotModified(request, reply, etagOf(audition.version))) return reply;
      return { success: true as const, audition };
    },
  });

  app.post('/auditions/:id/transitions', {
    config: { permission: 'manage:auditions' },
    schema: {
      operationId: 'moveAudition',
      tags,
      summary: 'Move an audition to another state',
      description: TRANSITIONS,
      params: IdParams,
      body: TransitionBody,
      response: { 200: OneAudition, ...errors(404, 409, 412, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const input = {
        auditionId: request.params.id,
        to: request.body.to,
        note: request.body.note ?? null,
        ifMatch: ifMatchVersion(request),
        by: by(request),
      };
      const audition = auditionView(await useCases.moveAudition.execute(input));
      reply.header('etag', etagOf(audition.version));
      return { success: true as const, audition };
    },
  });

  app.get('/actors/:id/schedule', {
    config: { permission: 'get:actors' },
    schema: {
      operationId: 'getActorSchedule',
      tags,
      summary: "An actor's accepted parts with their shoots",
      params: IdParams,
      response: { 200: Schedule, ...errors(404) },
    },
    handler: async (request) => {
      const parts = await useCases.getActorSchedule.execute({ actorId: request.params.id });
      return { success: true as const, actor_id: request.params.id, schedule: parts.map(scheduledPartView) };
    },
  });
};
