import type { ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { Page, PageRequest, SortKey } from '../../../application/ports/paging.ts';
import type { Actor } from '../../../domain/actor.ts';
import { searchTier } from '../../../domain/search-text.ts';
import { keysetPageOf } from './in-memory-paging.ts';
import { textMatches } from './in-memory-search.ts';

/*
 * `q` and the order of a list of actors, as GET /actors and a role's candidates share them
 * (the SQL adapter's actor-query.ts).
 */

/** Whether the actor's name matches `q` (domain/search-text.ts); no `q` matches everyone. */
export const nameMatches = (actor: Actor, q: string | undefined): boolean => q === undefined || textMatches(q, [actor.name]);

type ActorOrderField = ActorSortField | 'relevance';

/** The client's sort, or with `q` and no sort: search tier, as the SQL adapter; keysetPageOf adds id last. */
function ordered(actors: Actor[], q: string | undefined, page: PageRequest<ActorSortField>) {
  const tiers = new Map(q === undefined ? [] : actors.map((actor) => [actor.id, searchTier(q, actor.name)]));
  const valueOf = (actor: Actor, field: ActorOrderField) =>
    field === 'relevance' ? (tiers.get(actor.id) ?? 0) : field === 'created_at' ? actor.createdAt : actor[field];
  if (q === undefined || page.sort.length > 0) return { sort: page.sort as SortKey<ActorOrderField>[], valueOf };
  return { sort: [{ field: 'relevance', direction: 'asc' }] as SortKey<ActorOrderField>[], valueOf };
}

/** One page of the matching actors in list order (see `ordered`), the total capped at `countCap`. */
export function actorPage(matches: Actor[], q: string | undefined, page: PageRequest<ActorSortField>, countCap?: number): Page<Actor> {
  const { sort, valueOf } = ordered(matches, q, page);
  return keysetPageOf(matches, { ...page, sort }, valueOf, countCap);
}
