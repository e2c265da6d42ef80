import { Type, type Static } from 'typebox';
import type { ScheduledPart as DomainScheduledPart } from '../../../application/ports/actor-availability.ts';
import { AUDITION_SORT_FIELDS } from '../../../application/ports/audition-repository.ts';
import { AUDITION_STATES } from '../../../domain/audition-states.ts';
import type { Audition as DomainAudition } from '../../../domain/audition.ts';
import { Id, Nullable, PagingFields, PagingQuery, SortQuery, Timestamp } from './common.ts';

/** The wire module of auditions and an actor's schedule: schemas and views. */
const Version = Type.Integer({ description: 'grows by one on every change; the ETag is made from it' });
const AuditionStateSchema = Type.Enum(AUDITION_STATES);

export const AuditionChange = Type.Object({
  from: Nullable(AuditionStateSchema),
  to: AuditionStateSchema,
  by: Type.String({ description: 'who made the change: a user id, or the subject of an external token' }),
  at: Timestamp,
  note: Nullable(Type.String()),
});

export const Audition = Type.Object({
  id: Type.Integer(),
  role_id: Type.Integer(),
  actor_id: Type.Integer(),
  state: AuditionStateSchema,
  scheduled_at: Nullable(Timestamp),
  history: Type.Array(AuditionChange, { description: 'every change, oldest first' }),
  created_at: Timestamp,
  updated_at: Timestamp,
  version: Version,
});

export const InviteBody = Type.Object(
  {
    actor_id: Id('the actor to invite'),
    scheduled_at: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'when the audition takes place' }))),
    note: Type.Optional(Nullable(Type.String({ description: 'up to 2000 characters, kept in the history' }))),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  { to: AuditionStateSchema, note: Type.Optional(Nullable(Type.String({ description: 'up to 2000 characters, kept in the history' }))) },
  { additionalProperties: false },
);

export const AuditionListQuery = Type.Object(
  { ...PagingQuery, sort: Type.Optional(SortQuery(AUDITION_SORT_FIELDS)), state: Type.Optional(AuditionStateSchema) },
  { additionalProperties: false },
);

export const AuditionList = Type.Object({ success: Type.Literal(true), auditions: Type.Array(Audition), ...PagingFields });
export const OneAudition = Type.Object({ success: Type.Literal(true), audition: Audition });

export const ScheduledPart = Type.Object({
  audition_id: Type.Integer(),
  role_id: Type.Integer(),
  role_name: Type.String(),
  movie_id: Type.Integer(),
  movie_title: Type.String(),
  shoot_start: Nullable(Type.String({ format: 'date' })),
  shoot_end: Nullable(Type.String({ format: 'date' })),
});

export const Schedule = Type.Object({ success: Type.Literal(true), actor_id: Type.Integer(), schedule: Type.Array(ScheduledPart) });

export function auditionView(audition: DomainAudition): Static<typeof Audition> {
  return {
    id: audition.id,
    role_id: audition.roleId,
    actor_id: audition.actorId,
    state: audition.state,
    scheduled_at: audition.scheduledAt?.toISOString() ?? null,
    history: audition.history.map((change) => ({ ...change, at: change.at.toISOString() })),
    created_at: audition.createdAt.toISOString(),
    updated_at: audition.updatedAt.toISOString(),
    version: audition.version,
  };
}

export function scheduledPartView(part: DomainScheduledPart): Static<typeof ScheduledPart> {
  return {
    audition_id: part.auditionId,
    role_id: part.roleId,
    role_name: part.roleName,
    movie_id: part.movieId,
    movie_title: part.movieTitle,
    shoot_start: part.shoot?.start ?? null,
    shoot_end: part.shoot?.end ?? null,
  };
}
