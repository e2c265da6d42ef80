import type { FastifyReply, FastifyRequest } from 'fastify';
import { SEARCH_DEPTH, type SearchPage, type SearchPosition } from '../../application/search/search-catalog.ts';
import { decodeCursor, encodeCursor, invalidCursor, type CursorValueKind } from './cursor.ts';
import { byCursor, cursorPagingOf } from './keyset-paging.ts';
import { limitOf } from './paging.ts';

export interface SearchPagingQuery {
  q: string;
  page?: number;
  limit?: number;
  cursor?: string;
}

/*
 * A GET /search cursor holds where each kind's ranked list stands (search-merge.ts): the last
 * movie's tier, popularity and id, then the last actor's tier and id, null for a kind none of
 * which was served yet. It goes through the lists' cursor format (cursor.ts: checked, bound to
 * q), whose id slot holds this format's number.
 */
const LIST = 'search';
const KINDS: CursorValueKind[] = ['integer', 'number', 'integer', 'integer', 'integer'];
const FORMAT = 1;

function encodeSearchCursor(q: string, { movie, actor }: SearchPosition): string {
  const values = [movie?.values[0] ?? null, movie?.values[1] ?? null, movie?.id ?? null, actor?.values[0] ?? null, actor?.id ?? null];
  return encodeCursor(LIST, `q=${q}`, { values, id: FORMAT });
}

function decodeSearchCursor(q: string, cursor: string): SearchPosition {
  const { values, id } = decodeCursor(LIST, `q=${q}`, KINDS, cursor);
  const [movieTier, popularity, movieId, actorTier, actorId] = values;
  if (id !== FORMAT || typeof movieId === 'string' || typeof actorId === 'string') throw invalidCursor();
  return {
    ...(movieId === null || movieId === undefined ? {} : { movie: { values: [movieTier ?? null, popularity ?? null], id: movieId } }),
    ...(actorId === null || actorId === undefined ? {} : { actor: { values: [actorTier ?? null], id: actorId } }),
  };
}

/** The page asked: by number within SEARCH_DEPTH results per kind, or after a cursor of the same q. */
export function searchPageOf(query: SearchPagingQuery): { page: number; limit: number; after?: SearchPosition } {
  const [page, limit] = [query.page ?? 1, limitOf(query)];
  if (!byCursor(query, SEARCH_DEPTH)) return { page, limit };
  return { page: 1, limit, after: decodeSearchCursor(query.q, query.cursor!) };
}

/** The paging fields of GET /search's envelope, next_cursor included, and its Link header. */
export function searchPagingOf(request: FastifyRequest, reply: FastifyReply, query: SearchPagingQuery, found: SearchPage) {
  const nextCursor = found.next ? encodeSearchCursor(query.q, found.next) : null;
  return cursorPagingOf(request, reply, { query, page: found, nextCursor, depth: SEARCH_DEPTH });
}
