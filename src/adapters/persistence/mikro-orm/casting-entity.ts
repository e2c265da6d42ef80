import { defineEntity, p } from '@mikro-orm/core';
import { ActorEntity } from './actor-entity.ts';
import { MovieEntity } from './movie-entity.ts';

/**
 * A casting's key is the (movie, actor) pair, which also makes a pair unique. The foreign
 * keys cascade: deleting a movie or an actor deletes its castings. Their constraint names
 * (`casting_movie_id_foreign`, `casting_actor_id_foreign`) tell a missing movie from a missing actor.
 */
export const CastingEntity = defineEntity({
  name: 'Casting',
  tableName: 'casting',
  properties: {
    movie: () => p.manyToOne(MovieEntity).primary().deleteRule('cascade').updateRule('cascade'),
    actor: () => p.manyToOne(ActorEntity).primary().deleteRule('cascade').updateRule('cascade'),
    character: p.string().length(200).nullable(),
    billingOrder: p.integer().nullable(),
  },
  primaryKeys: ['movie', 'actor'],
  indexes: [{ name: 'casting_actor_id_index', properties: ['actor'] }],
});
