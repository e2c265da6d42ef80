import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ActorFilter, ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { PageRequest, SortKey } from '../../../application/ports/paging.ts';
import type { MarqueeDatabase } from './kysely-database.ts';
import { equalsIgnoringCase, rangeConditions } from './kysely-list.ts';
import { textMatches, textRank } from './text-search.ts';
import { textTiers } from './text-tiers.ts';

type ActorColumn = keyof MarqueeDatabase['actor'] & string;

export const ACTOR_SORT_COLUMNS: Record<ActorSortField, ActorColumn> = {
  name: 'name',
  age: 'age',
  gender: 'gender',
  created_at: 'created_at',
  id: 'id',
};

type ActorOrderField = ActorSortField | 'relevance';

/** `q` on the name (text-search.ts): GET /actors and a role's candidates search alike. */
export const actorNameMatches = (q: string): Expression<SqlBool> => textMatches([sql.ref<string>('actor.name')], q);

/**
 * The order of a list of actors (GET /actors, a role's candidates): the client's sort, or
 * with `q` and no sort the best match (search tier), equal tiers by id (actors have no
 * popularity); listPage adds id last. A ranked search past the count cap is read tier by
 * tier (kysely-ranked-rows.ts), the name's best tiers through actor_name_fold_index.
 */
export function actorOrder(filter: Pick<ActorFilter, 'q'>, page: PageRequest<ActorSortField>) {
  const sortColumns: Record<ActorOrderField, ActorColumn | Expression<unknown>> = { ...ACTOR_SORT_COLUMNS, relevance: sql`0` };
  if (filter.q === undefined || page.sort.length > 0) return { page: page as PageRequest<ActorOrderField>, sortColumns };
  const name = sql.ref<string>('actor.name');
  sortColumns.relevance = textRank(name, [], filter.q);
  const sort: SortKey<ActorOrderField>[] = [{ field: 'relevance', direction: 'asc' }];
  return { page: { ...page, sort }, sortColumns, ranked: { table: 'actor', tiers: textTiers(name, [], filter.q) } };
}

export function actorConditions(eb: ExpressionBuilder<MarqueeDatabase, 'actor'>, filter: ActorFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.q !== undefined) conditions.push(actorNameMatches(filter.q));
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
