import type { Selectable } from 'kysely';
import { Actor } from '../../../domain/actor.ts';
import { instantFromText, type MarqueeDatabase } from './kysely-database.ts';

/** An actor row as the driver returns it; its type is inferred from ActorEntity. */
export type ActorRow = Selectable<MarqueeDatabase['actor']>;

/** The one place where an actor becomes a row and back. */
export const actorMapper = {
  toDomain(row: ActorRow): Actor {
    return Actor.restore({
      id: row.id,
      name: row.name,
      age: row.age,
      gender: row.gender,
      createdAt: instantFromText(row.created_at),
      updatedAt: instantFromText(row.updated_at),
      version: row.version,
    });
  },

  /** Every stored column but the generated id: a column added to the entity fails to compile here. */
  toRow(actor: Actor): Omit<ActorRow, 'id'> {
    return {
      name: actor.name,
      age: actor.age,
      gender: actor.gender,
      created_at: actor.createdAt.toISOString(),
      updated_at: actor.updatedAt.toISOString(),
      version: actor.version,
    };
  },
};
