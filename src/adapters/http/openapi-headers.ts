/** What the document needs to know of an operation to declare the headers its responses carry. */
interface Operation {
  parameters?: { in?: string; name?: string }[];
  responses?: Record<string, { headers?: Record<string, unknown> }>;
}

const header = (description: string) => ({ description, schema: { type: 'string' } });

const REQUEST_ID = header('the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID');
const ETAG = header('the version of the resource, for If-None-Match / If-Match');
const LOCATION = header('where the created resource (or the import) can be read');
const LINK = header('rel="next" and rel="prev" page URLs, keeping the other query parameters');
const RETRY_AFTER = header('seconds to wait before trying again');

/**
 * Declares the response headers the routes send, so generated clients and mock servers know
 * them: X-Request-Id on every answer, Retry-After on 429/503, Location on 201 (and on an
 * import's answers), ETag on the answers of conditional reads and of writes, Link on lists.
 */
export function declareResponseHeaders(paths: Record<string, Record<string, Operation>>): void {
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const responses = operation.responses ?? {};
      const conditional = Boolean(responses['304'] || responses['412']);
      const paged = (operation.parameters ?? []).some((p) => p.in === 'query' && p.name === 'page');
      for (const [status, response] of Object.entries(responses)) {
        const headers: Record<string, unknown> = { 'X-Request-Id': REQUEST_ID };
        if (status === '429' || status === '503') headers['Retry-After'] = RETRY_AFTER;
        if (status === '201' || (path.endsWith('/import') && method === 'post') || path === '/upload') headers.Location = LOCATION;
        if (status.startsWith('2') && (conditional || status === '201')) headers.ETag = ETAG;
        if (status === '200' && paged) headers.Link = LINK;
        response.headers = { ...response.headers, ...headers };
      }
    }
  }
}
