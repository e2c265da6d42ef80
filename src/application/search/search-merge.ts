import type { Actor } from '../../domain/actor.ts';
import type { Movie } from '../../domain/movie.ts';
import { searchTier } from '../../domain/search-text.ts';
import type { Position } from '../ports/paging.ts';

export type SearchResult = { kind: 'movie'; movie: Movie } | { kind: 'actor'; actor: Actor };

/**
 * Where a page of GET /search ends, in each kind's own ranked list: the last movie and the
 * last actor served so far (none yet: that kind starts from its beginning). Every movie
 * ranked before the last actor served was served before it, and the reverse, so each kind
 * goes on right after its own position.
 */
export interface SearchPosition {
  movie?: Position;
  actor?: Position;
}

interface Ranked {
  tier: number;
  kind: number;
  order: number;
  result: SearchResult;
  /** Its place in its kind's ranked list, as that repository's cursor names it. */
  position: Position;
}

/*
 * A repository ranks a search (q, no sort) by search tier, then movies by popularity (most
 * first, none last) and actors by id alone; its cursor holds those keys, then the id. The
 * search contract (test/contract/search.contract.ts) pages through both by these positions.
 */
function rankedMovie(q: string, movie: Movie, order: number): Ranked {
  const tier = searchTier(q, movie.title, [movie.director]);
  const position = { values: [tier, movie.popularity ?? null], id: movie.id };
  return { tier, kind: 0, order, result: { kind: 'movie', movie }, position };
}

function rankedActor(q: string, actor: Actor, order: number): Ranked {
  const tier = searchTier(q, actor.name);
  return { tier, kind: 1, order, result: { kind: 'actor', actor }, position: { values: [tier], id: actor.id } };
}

/** Both kinds in one order: by search tier, a movie before an actor of the same tier, each kind keeping its own order. */
export function mergeRanked(q: string, movies: Movie[], actors: Actor[]): Ranked[] {
  return [...movies.map((movie, i) => rankedMovie(q, movie, i)), ...actors.map((actor, i) => rankedActor(q, actor, i))].sort(
    (a, b) => a.tier - b.tier || a.kind - b.kind || a.order - b.order,
  );
}

/** The position after `served` (the merged results up to the end of a page), starting from `from`. */
export function positionAfter(served: Ranked[], from: SearchPosition = {}): SearchPosition {
  const last = (kind: SearchResult['kind']) => served.findLast((entry) => entry.result.kind === kind)?.position;
  const [movie, actor] = [last('movie') ?? from.movie, last('actor') ?? from.actor];
  return { ...(movie ? { movie } : {}), ...(actor ? { actor } : {}) };
}
