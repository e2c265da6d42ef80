import type { Selectable } from 'kysely';
import type { CastMember, Role } from '../../../application/ports/casting-repository.ts';
import type { Casting } from '../../../domain/casting.ts';
import { actorMapper, type ActorRow } from './actor-mapper.ts';
import type { MarqueeDatabase } from './kysely-database.ts';
import { movieMapper, type MovieRow } from './movie-mapper.ts';

type CastingRow = Selectable<MarqueeDatabase['casting']>;

/** Joined rows carry the casting's columns under names neither movie nor actor uses. */
export interface CastingColumns {
  cast_character: CastingRow['character'];
  cast_billing_order: CastingRow['billing_order'];
}
export const CASTING_COLUMNS = ['casting.character as cast_character', 'casting.billing_order as cast_billing_order'] as const;

/** The one place where a casting becomes a row, and joined rows become cast members and roles. */
export const castingMapper = {
  toRow(casting: Casting): CastingRow {
    return {
      movie_id: casting.movieId,
      actor_id: casting.actorId,
      character: casting.character,
      billing_order: casting.billingOrder,
    };
  },

  toCastMember(row: ActorRow & CastingColumns): CastMember {
    return { actor: actorMapper.toDomain(row), character: row.cast_character, billingOrder: row.cast_billing_order };
  },

  toRole(row: MovieRow & CastingColumns): Role {
    return { movie: movieMapper.toDomain(row), character: row.cast_character, billingOrder: row.cast_billing_order };
  },
};
