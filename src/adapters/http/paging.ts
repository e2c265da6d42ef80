import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page, PageRequest, SortKey } from '../../application/ports/paging.ts';

/** Ajv fills the defaults; they are optional in the schema so generated clients may omit them. */
export interface PagingQuery {
  page?: number;
  limit?: number;
  sort?: string;
}

const DEFAULT_LIMIT = 20;
const pageOf = (query: PagingQuery) => query.page ?? 1;
export const limitOf = (query: PagingQuery) => query.limit ?? DEFAULT_LIMIT;

/** `title.asc,id.desc` → sort keys; the schema already whitelisted every field. */
export function parseSort<F extends string>(sort: string | undefined): SortKey<F>[] {
  if (!sort) return [];
  return sort.split(',').map((key) => {
    const [field, direction] = key.split('.') as [F, 'asc' | 'desc'];
    return { field, direction };
  });
}

export function pageRequest<F extends string>(query: PagingQuery): PageRequest<F> {
  return { page: pageOf(query), limit: limitOf(query), sort: parseSort<F>(query.sort) };
}

export interface Links {
  next?: string | undefined;
  prev?: string | undefined;
}

export function pageFields<T>(query: PagingQuery, page: Page<T>) {
  const [number, limit] = [pageOf(query), limitOf(query)];
  return { page: number, limit, total: page.total, total_pages: Math.ceil(page.total / limit), total_capped: page.totalCapped };
}

/**
 * next and prev by number, keeping every other query parameter. prev never points past the last
 * page; with a capped total, pages past total_pages exist, so prev is simply the page before.
 */
export function numberLinks(request: FastifyRequest, fields: ReturnType<typeof pageFields>, hasNext: boolean): Links {
  const last = fields.total_capped ? fields.page - 1 : Math.max(fields.total_pages, 1);
  const prev = Math.min(fields.page - 1, last);
  return {
    next: hasNext ? linkTo(request, { page: String(fields.page + 1) }) : undefined,
    prev: fields.page > 1 ? linkTo(request, { page: String(prev) }) : undefined,
  };
}

export function setLinks(reply: FastifyReply, links: Links): void {
  const parts = [links.next && `<${links.next}>; rel="next"`, links.prev && `<${links.prev}>; rel="prev"`].filter(Boolean);
  if (parts.length > 0) reply.header('link', parts.join(', '));
}

/**
 * The paging fields of a list envelope, and a Link header with next/prev. When the total is
 * capped there may be pages past total_pages, so `next` then follows from a full page
 * rather than from the count.
 */
export function pagingOf<T>(request: FastifyRequest, reply: FastifyReply, query: PagingQuery, page: Page<T>) {
  const fields = pageFields(query, page);
  const hasNext = fields.page < fields.total_pages || (page.totalCapped && page.items.length === fields.limit);
  setLinks(reply, numberLinks(request, fields, hasNext));
  return fields;
}

export function linkTo(request: FastifyRequest, changes: Record<string, string | undefined>): string {
  const [path, search = ''] = request.url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  }
  return `${path}?${params.toString()}`;
}
