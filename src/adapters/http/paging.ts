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
const limitOf = (query: PagingQuery) => query.limit ?? DEFAULT_LIMIT;

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

/**
 * The paging fields of a list envelope, and a Link header with next/prev that keep every
 * other query parameter. When the total is capped there may be pages past total_pages, so
 * `next` then follows from a full page rather than from the count.
 */
export function pagingOf<T>(request: FastifyRequest, reply: FastifyReply, query: PagingQuery, page: Page<T>) {
  const [number, limit] = [pageOf(query), limitOf(query)];
  const totalPages = Math.ceil(page.total / limit);
  const hasNext = number < totalPages || (page.totalCapped && page.items.length === limit);
  const links: string[] = [];
  if (hasNext) links.push(`<${pageUrl(request, number + 1)}>; rel="next"`);
  if (number > 1) links.push(`<${pageUrl(request, Math.min(number - 1, Math.max(totalPages, 1)))}>; rel="prev"`);
  if (links.length > 0) reply.header('link', links.join(', '));
  return { page: number, limit, total: page.total, total_pages: totalPages, total_capped: page.totalCapped };
}

function pageUrl(request: FastifyRequest, page: number): string {
  const [path, search = ''] = request.url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  params.set('page', String(page));
  return `${path}?${params.toString()}`;
}
