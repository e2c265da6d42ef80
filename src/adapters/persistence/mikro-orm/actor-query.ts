import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ActorFilter, ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { MarqueeDatabase } from './kysely-database.ts';
import { containsIgnoringCase, equalsIgnoringCase, rangeConditions } from './kysely-list.ts';

type ActorColumn = keyof MarqueeDatabase['actor'] & string;

export const ACTOR_SORT_COLUMNS: Record<ActorSortField, ActorColumn> = {
  name: 'name',
  age: 'age',
  gender: 'gender',
  created_at: 'created_at',
  id: 'id',
};

export function actorConditions(eb: ExpressionBuilder<MarqueeDatabase, 'actor'>, filter: ActorFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.q !== undefined) conditions.push(containsIgnoringCase(eb.ref('actor.name'), filter.q));
  if (filter.gender !== undefined) conditions.push(equalsIgnoringCase(eb.ref('actor.gender'), filter.gender));
  conditions.push(...rangeConditions(eb.ref('actor.age'), filter.age));
  if (filter.movieId !== undefined) {
    const castIn = eb
      .selectFrom('casting')
      .select(sql.lit(1).as('one'))
      .whereRef('casting.actor_id', '=', 'actor.id')
      .where('casting.movie_id', '=', filter.movieId);
    conditions.push(eb.exists(castIn));
  }
  return conditions;
}
