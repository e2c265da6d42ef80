import { defineEntity, p } from '@mikro-orm/core';
import { ActorEntity } from './actor-entity.ts';
import { MovieEntity } from './movie-entity.ts';

/*
 * The casting workflow's tables, declared once. Rules a race could break live here: the
 * partial unique index holds "one live audition per actor and role" whatever two requests
 * do at once; slots and schedules are held by row locks in CastingDesk transactions.
 */

const LIVE = `'invited', 'auditioned', 'shortlisted', 'offered', 'accepted'`;

export const MovieRoleEntity = defineEntity({
  name: 'MovieRole',
  tableName: 'movie_role',
  properties: {
    id: p.integer().primary().autoincrement(),
    movie: () => p.manyToOne(MovieEntity).deleteRule('cascade').updateRule('cascade'),
    name: p.string().length(200),
    description: p.string().length(2000).nullable(),
    ageMin: p.integer().nullable(),
    ageMax: p.integer().nullable(),
    gender: p.string().length(32).nullable(),
    slots: p.integer().default(1),
    state: p.string().length(16).default('open'),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version().default(1),
  },
  indexes: [{ name: 'movie_role_movie_id_index', properties: ['movie', 'id'] }],
});

export const AuditionEntity = defineEntity({
  name: 'Audition',
  tableName: 'audition',
  properties: {
    id: p.integer().primary().autoincrement(),
    role: () => p.manyToOne(MovieRoleEntity).deleteRule('cascade').updateRule('cascade'),
    actor: () => p.manyToOne(ActorEntity).deleteRule('cascade').updateRule('cascade'),
    state: p.string().length(16),
    scheduledAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version().default(1),
  },
  indexes: [
    {
      name: 'audition_live_unique',
      expression: `create unique index "audition_live_unique" on "audition" ("role_id", "actor_id") where "state" in (${LIVE})`,
    },
    { name: 'audition_role_id_index', properties: ['role', 'id'] },
    // Schedules and candidates look up an actor's accepted parts.
    {
      name: 'audition_accepted_actor_index',
      expression: `create index "audition_accepted_actor_index" on "audition" ("actor_id") where "state" = 'accepted'`,
    },
  ],
});

/** One row per change of an audition's state: its history, oldest first by id. */
export const AuditionChangeEntity = defineEntity({
  name: 'AuditionChange',
  tableName: 'audition_change',
  properties: {
    id: p.integer().primary().autoincrement(),
    audition: () => p.manyToOne(AuditionEntity).deleteRule('cascade').updateRule('cascade'),
    fromState: p.string().length(16).nullable(),
    toState: p.string().length(16),
    changedBy: p.string().length(255),
    changedAt: p.datetime().columnType('timestamptz'),
    note: p.string().length(2000).nullable(),
  },
  indexes: [{ name: 'audition_change_audition_id_index', properties: ['audition', 'id'] }],
});

export const castingWorkflowEntities = [MovieRoleEntity, AuditionEntity, AuditionChangeEntity];
