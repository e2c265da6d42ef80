import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page, PageRequest, SortKey } from '../../application/ports/paging.ts';

export interface PagingQuery {
  page: number;
  limit: number;
  sort?: string;
}

/** `title.asc,id.desc` → sort keys; the schema already whitelisted every field. */
export function parseSort<F extends string>(sort: string | undefined): SortKey<F>[] {
  if (!sort) return [];
  return sort.split(',').map((key) => {
    const [field, direction] = key.split('.') as [F, 'asc' | 'desc'];
    return { field, direction };
  });
}

export function pageRequest<F extends string>(query: PagingQuery): PageRequest<F> {
  return { page: query.page, limit: query.limit, sort: parseSort<F>(query.sort) };
}

/**
 * The paging fields of a list envelope, and a Link header with next/prev that keep every
 * other query parameter. When the total is capped there may be pages past total_pages, so
 * `next` then follows from a full page rather than from the count.
 */
export function pagingOf<T>(request: FastifyRequest, reply: FastifyReply, query: PagingQuery, page: Page<T>) {
  const totalPages = Math.ceil(page.total / query.limit);
  const hasNext = query.page < totalPages || (page.totalCapped && page.items.length === query.limit);
  const links: string[] = [];
  if (hasNext) links.push(`<${pageUrl(request, query.page + 1)}>; rel="next"`);
  if (query.page > 1) links.push(`<${pageUrl(request, Math.min(query.page - 1, Math.max(totalPages, 1)))}>; rel="prev"`);
  if (links.length > 0) reply.header('link', links.join(', '));
  return { page: query.page, limit: query.limit, total: page.total, total_pages: totalPages, total_capped: page.totalCapped };
}

function pageUrl(request: FastifyRequest, page: number): string {
  const [path, search = ''] = request.url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  params.set('page', String(page));
  return `${path}?${params.toString()}`;
}
