import { Type, type TSchema } from 'typebox';

/** Ids are PostgreSQL `serial` integers; anything larger can never exist, so it is a 400. */
export const MAX_ID = 2_147_483_647;

export const Id = (description = 'integer id') => Type.Integer({ minimum: 1, maximum: MAX_ID, description });

export const IdParams = Type.Object({ id: Id() }, { additionalProperties: false });

const Nullable = <T extends TSchema>(type: T) => Type.Union([type, Type.Null()]);
export { Nullable };

export const Timestamp = Type.String({ format: 'date-time' });

/** A date parameter: YYYY-MM-DD, a real day of the years 1–9999 (year 0 does not exist). */
export const IsoDate = (description: string) =>
  Type.String({ format: 'date', pattern: '^(?!0000)[0-9]{4}-', description: `${description} (YYYY-MM-DD, year 1–9999)` });

/**
 * A search's `q`, the one rule for every list that takes one (GET /search, /movies, /actors,
 * a role's candidates, the export): blank (empty or only white space) has nothing to look for,
 * so it is a 400 rather than an empty page; a failed pattern quotes `description`.
 */
export const SearchText = (description: string) => Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description });

export const ErrorDetail = Type.Object({
  path: Type.String({ description: 'JSON pointer to the offending field, e.g. /age' }),
  message: Type.String(),
});

export const ErrorBody = Type.Object(
  {
    success: Type.Literal(false),
    error: Type.Integer({ description: 'the HTTP status code' }),
    message: Type.String(),
    code: Type.String({ description: 'stable machine-readable code, e.g. MOVIE_NOT_FOUND' }),
    details: Type.Array(ErrorDetail),
    request_id: Type.Optional(Type.String({ description: 'present on 5xx: quote it when reporting the problem' })),
  },
  { description: 'the error envelope every failure answers with' },
);

const ERROR_MEANINGS: Record<number, string> = {
  304: 'not modified (If-None-Match matched); no body',
  400: 'malformed input: unparseable JSON, wrong type, unknown field, bad query parameter',
  401: 'no or bad token (WWW-Authenticate: Bearer)',
  403: 'authenticated but missing the permission',
  404: 'no such resource',
  408: 'the request, or an import upload that stopped sending, did not arrive in time; nothing was changed',
  409: 'conflicts with an existing resource',
  412: 'If-Match does not name the current version',
  413: 'body too large',
  415: 'body is not application/json',
  422: 'well-formed but breaks a rule; details name each field',
  503: 'database unavailable; retry after Retry-After seconds',
};

/** Error responses of a route, for the OpenAPI document and the serializer. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  const common = [400, 401, 403, 503];
  const all = [...new Set([...common, ...statuses])].filter((s) => s !== 304);
  return Object.fromEntries(all.map((status) => [status, { ...ErrorBody, description: ERROR_MEANINGS[status] ?? 'error' }]));
}

export const NotModified = Type.Null({ description: ERROR_MEANINGS[304] });

export const PagingQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'page number, from 1' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'items per page, at most 100 (more is a 400)' })),
};

/** `field.asc|field.desc`, comma-separated, only whitelisted fields; id is always the last tie-breaker. */
export function SortQuery(fields: readonly string[]) {
  const key = `(${fields.join('|')})\\.(asc|desc)`;
  return Type.String({
    pattern: `^${key}(,${key})*$`,
    maxLength: 200,
    description: `comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: ${fields.join(', ')}`,
  });
}

export const PagingFields = {
  page: Type.Integer(),
  limit: Type.Integer(),
  total: Type.Integer({ description: 'matches counted exactly up to 1,000; see total_capped' }),
  total_pages: Type.Integer(),
  total_capped: Type.Boolean({ description: 'true when more than 1,000 match: total is then the cap, not the count' }),
};

/** The query of a list that pages by cursor (GET /movies, GET /actors). */
export const KeysetPagingQuery = {
  ...PagingQuery,
  page: Type.Optional(
    // No default: a page given with a cursor is refused, so the handler must see whether it was given.
    Type.Integer({
      minimum: 1,
      maximum: 10_000,
      description: 'page number, from 1 (default); page × limit at most 10,000 (deeper: cursor)',
    }),
  ),
};

/** The cursor of a list that pages by cursor; last among the parameters, after the filters. */
export const CursorQuery = {
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2048,
      pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
      description: 'where to go on from: the next_cursor of the previous page, with the same sort (not together with page)',
    }),
  ),
};

/** The envelope fields of a list that pages by cursor; `page` is absent on a page asked by cursor. */
export const KeysetPagingFields = {
  ...PagingFields,
  page: Type.Optional(Type.Integer({ description: 'absent when the page was asked by cursor' })),
  next_cursor: Nullable(Type.String({ description: 'pass as cursor (same sort and filters) for the next page; null on the last page' })),
};

export const Deleted = Type.Object({ success: Type.Literal(true), deleted: Type.Integer() });

export const ETagHeader = { ETag: Type.String({ description: 'the version of the resource, for If-None-Match / If-Match' }) };
