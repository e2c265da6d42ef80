import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page, PageRequest } from '../../application/ports/paging.ts';
import { DomainError } from '../../domain/errors.ts';
import { decodeCursor, encodeCursor, type CursorList } from './cursor.ts';
import { limitOf, linkTo, numberLinks, pageFields, pageRequest, parseSort, setLinks, type PagingQuery } from './paging.ts';

export interface KeysetQuery extends PagingQuery {
  cursor?: string;
  q?: string;
}

/**
 * What a cursor is bound to, and the kinds of its keys: the sort, or, for a search without
 * one (ranked best first, a rank that depends on q), the search itself.
 */
function orderOf<F extends string>(query: KeysetQuery, list: CursorList<F>) {
  if (query.sort !== undefined || query.q === undefined) {
    const kinds = parseSort<F>(query.sort).map((key) => list.kinds[key.field]);
    return { context: query.sort ?? '', kinds };
  }
  return { context: `q=${query.q}`, kinds: list.ranked };
}

/**
 * How deep `page` reaches on the lists that page by cursor: OFFSET reads and drops every
 * row before the page, so page × limit stays within 10,000 rows (page 500 at 20 a page);
 * deeper is a 400 that points to the cursor, which costs the same at any depth.
 */
export const MAX_PAGE_DEPTH = 10_000;

const badPaging = (path: string, message: string) => new DomainError('malformed', 'INVALID_REQUEST', message, [{ path, message }]);

/** Whether the page is asked by cursor; a 400 for a page by number past `depth` rows, or for both. */
export function byCursor(query: PagingQuery & { cursor?: string | undefined }, depth: number): boolean {
  if (query.cursor !== undefined && query.page !== undefined) throw badPaging('/page', 'give page or cursor, not both');
  if (query.cursor !== undefined || (query.page ?? 1) * limitOf(query) <= depth) return query.cursor !== undefined;
  throw badPaging('/page', `page × limit may be at most ${depth}: go deeper with cursor (next_cursor, or the Link header's next)`);
}

/** A page by number within MAX_PAGE_DEPTH, or the page after a cursor of this list and sort. */
export function keysetPageRequest<F extends string>(query: KeysetQuery, list: CursorList<F>): PageRequest<F> {
  const request = pageRequest<F>(query);
  if (!byCursor(query, MAX_PAGE_DEPTH)) return request;
  const { context, kinds } = orderOf(query, list);
  return { ...request, after: decodeCursor(list.name, context, kinds, query.cursor!) };
}

/**
 * The envelope of a list that pages by cursor: next_cursor (null on the last page) and the
 * Link next. A page asked by number keeps number links while the next page is within
 * MAX_PAGE_DEPTH, then links on by cursor; a page asked by cursor has no number, so its
 * envelope has no `page` and its Link no prev.
 */
export function keysetPagingOf<T, F extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  query: KeysetQuery,
  page: Page<T>,
  list: CursorList<F>,
) {
  const nextCursor = page.next ? encodeCursor(list.name, orderOf(query, list).context, page.next) : null;
  return cursorPagingOf(request, reply, { query, page, nextCursor, depth: MAX_PAGE_DEPTH });
}

/** keysetPagingOf's envelope and links for a cursor already encoded (GET /search encodes its own), numbers reaching `depth` rows. */
export function cursorPagingOf<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  { query, page, nextCursor, depth }: { query: KeysetQuery; page: Omit<Page<T>, 'next'>; nextCursor: string | null; depth: number },
) {
  const byCursor = nextCursor === null ? undefined : linkTo(request, { cursor: nextCursor, page: undefined });
  const fields = pageFields(query, page);
  if (query.cursor !== undefined) {
    setLinks(reply, { next: byCursor });
    const { page: _byCursor, ...rest } = fields;
    return { ...rest, next_cursor: nextCursor };
  }
  const links = numberLinks(request, fields, nextCursor !== null);
  const deep = (fields.page + 1) * fields.limit > depth;
  setLinks(reply, { ...links, next: deep ? byCursor : links.next });
  return { ...fields, next_cursor: nextCursor };
}
