import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type ErrorDetail, type ErrorKind } from '../../domain/errors.ts';
import type { RouteRegistry } from './route-registry.ts';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  precondition: 412,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
  malformed: 400,
  too_large: 413,
  timeout: 408,
  unsupported_media: 415,
};

/** Fastify's own client errors, renamed into the project's codes. */
const FASTIFY_CODES = new Map<string, ErrorCode>([
  ['FST_ERR_VALIDATION', 'INVALID_REQUEST'],
  ['FST_ERR_CTP_INVALID_JSON_BODY', 'INVALID_JSON'],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', 'INVALID_JSON'],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE'],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 'INVALID_REQUEST'],
  ['FST_ERR_CTP_BODY_TOO_LARGE', 'PAYLOAD_TOO_LARGE'],
  ['RATE_LIMITED', 'RATE_LIMITED'], // from rate-limit.ts (429, Retry-After already set)
]);

export const RETRY_AFTER_SECONDS = '5';

/** A body with 50,000 unknown fields must not get a 5 MB answer: the first problems and a count. */
const MAX_DETAILS = 20;

interface Envelope {
  success: false;
  error: number;
  message: string;
  code: ErrorCode;
  details: ErrorDetail[];
  request_id?: string;
}

export function envelope(status: number, code: ErrorCode, message: string, details: ErrorDetail[] = []): Envelope {
  return { success: false, error: status, message, code, details };
}

/** The one place where anything thrown becomes an HTTP answer. */
export function installErrorHandling(app: FastifyInstance, routes: RouteRegistry): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = describe(error, request, reply);
    if (body.error >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(body.error).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '/';
    const allowed = routes.allowedMethods(path);
    if (!allowed) return reply.code(404).send(envelope(404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${path}`));
    reply.header('allow', allowed.join(', '));
    return reply.code(405).send(envelope(405, 'METHOD_NOT_ALLOWED', `${path} answers ${allowed.join(', ')}`));
  });
}

function describe(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Envelope {
  if (error instanceof DomainError) return fromDomain(error, reply);
  if (error.validation) {
    const details = validationDetails(error);
    const shown = details.slice(0, MAX_DETAILS);
    const more = details.length > MAX_DETAILS ? `; and ${details.length - MAX_DETAILS} more problems` : '';
    return envelope(400, 'INVALID_REQUEST', shown.map((d) => d.message).join('; ') + more, shown);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return envelope(status, FASTIFY_CODES.get(error.code) ?? 'BAD_REQUEST', error.message);
  }
  return { ...envelope(500, 'INTERNAL_ERROR', `something went wrong on our side; quote request id ${request.id}`), request_id: request.id };
}

function fromDomain(error: DomainError, reply: FastifyReply): Envelope {
  const status = STATUS_OF_KIND[error.kind];
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  if (status === 503) reply.header('retry-after', RETRY_AFTER_SECONDS);
  return envelope(status, error.code, error.message, error.details);
}

/** Ajv's errors → JSON pointers into the part that failed (body, querystring, params). */
function validationDetails(error: FastifyError): ErrorDetail[] {
  const part = error.validationContext ?? 'body';
  const details = (error.validation ?? []).map((problem) => {
    const params = problem.params as { missingProperty?: string; additionalProperty?: string };
    const field = params.missingProperty ?? params.additionalProperty;
    const path = field === undefined ? problem.instancePath : `${problem.instancePath}/${escapePointer(field)}`;
    const message = params.additionalProperty ? `unknown field ${field}` : messageOf(problem);
    return { path: path || '/', message: `${part}${path} ${message}` };
  });
  // A date can break its pattern and its format at once: say so once.
  const seen = new Set<string>();
  return details.filter((detail) => !seen.has(detail.message) && seen.add(detail.message));
}

function messageOf(problem: NonNullable<FastifyError['validation']>[number]): string {
  const schema = (problem as { parentSchema?: { description?: string; format?: string } }).parentSchema;
  if (schema?.format === 'date' && (problem.keyword === 'pattern' || problem.keyword === 'format')) return DATE_MESSAGE;
  const description = schema?.description;
  if (problem.keyword === 'pattern' && description) return `must be ${description}`;
  return problem.message ?? 'is invalid';
}

const DATE_MESSAGE = 'must be a date written YYYY-MM-DD, year 1–9999';

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
