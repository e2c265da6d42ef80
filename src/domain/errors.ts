/**
 * The error catalogue. Use cases throw these; the HTTP adapter maps `kind` to a status
 * code, so the core never knows about HTTP.
 */
export type ErrorKind =
  | 'validation' // well-formed input that breaks a rule → 422
  | 'not_found' // → 404
  | 'conflict' // duplicate → 409
  | 'precondition' // stale version → 412
  | 'unauthorized' // → 401
  | 'forbidden' // → 403
  | 'unavailable' // the database cannot be reached → 503
  | 'malformed' // input that cannot be parsed (broken JSON/CSV in an import) → 400
  | 'too_large' // over a size or row limit → 413
  | 'timeout' // the client stopped sending (an import upload that stalled) → 408
  | 'unsupported_media'; // unknown format, or bytes that are not UTF-8 text → 415

/** What can be missing: `notFound('movie', 7)` is MOVIE_NOT_FOUND. */
export type Entity = 'movie' | 'actor' | 'casting' | 'role' | 'audition' | 'import' | 'session' | 'user';

/** Every code a client can see (the README's error table): a misspelt code does not compile. */
export type ErrorCode =
  | `${Uppercase<Entity>}_NOT_FOUND`
  | 'ACCOUNT_INACTIVE'
  | 'ACTOR_DOES_NOT_FIT'
  | 'ALREADY_AUDITIONING'
  | 'AUTH_KEYS_UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'BAD_URL'
  | 'CASTING_CONFLICT'
  | 'DATABASE_UNAVAILABLE'
  | 'EXTERNAL_SESSION'
  | 'FORBIDDEN'
  | 'HEADERS_TOO_LARGE'
  | 'IMPORT_ABANDONED'
  | 'IMPORT_BAD_MULTIPART'
  | 'IMPORT_FAILED'
  | 'IMPORT_FORMAT_UNKNOWN'
  | 'IMPORT_HEADER_TOO_LARGE'
  | 'IMPORT_INTERRUPTED'
  | 'IMPORT_MALFORMED'
  | 'IMPORT_NOT_TEXT'
  | 'IMPORT_NO_FILE'
  | 'IMPORT_RECORD_TOO_LARGE'
  | 'IMPORT_REJECTED'
  | 'IMPORT_STALLED'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_TOO_MANY_COLUMNS'
  | 'IMPORT_TOO_MANY_FILES'
  | 'IMPORT_TOO_MANY_ROWS'
  | 'INTERNAL_ERROR'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_IF_MATCH'
  | 'INVALID_JSON'
  | 'INVALID_REFRESH_TOKEN'
  | 'INVALID_REQUEST'
  | 'INVALID_TEXT'
  | 'INVALID_TOKEN'
  | 'INVALID_TRANSITION'
  | 'LAST_ADMIN'
  | 'METHOD_NOT_ALLOWED'
  | 'MOVIE_CONFLICT'
  | 'NOT_READY'
  | 'NO_OPEN_SLOT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'RATE_LIMIT_STORE_UNAVAILABLE'
  | 'REGISTRATION_CLOSED'
  | 'REQUEST_TIMEOUT'
  | 'ROLE_NOT_OPEN'
  | 'ROLE_STATE_CONFLICT'
  | 'ROUTE_NOT_FOUND'
  | 'SCHEDULE_CONFLICT'
  | 'SESSION_ENDED'
  | 'TOKEN_MISSING'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'URI_TOO_LONG'
  | 'USERNAME_TAKEN'
  | 'VALIDATION_FAILED'
  | 'VERSION_MISMATCH'
  | 'WRONG_PASSWORD';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(kind: ErrorKind, code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (entity: Entity, id: number | string): DomainError =>
  new DomainError('not_found', `${entity.toUpperCase() as Uppercase<Entity>}_NOT_FOUND`, `${entity} ${id} not found`);

export const conflict = (code: ErrorCode, message: string): DomainError => new DomainError('conflict', code, message);

export const staleVersion = (entity: string): DomainError =>
  new DomainError('precondition', 'VERSION_MISMATCH', `${entity} was changed by someone else; fetch it again`);

export const invalid = (details: ErrorDetail[]): DomainError =>
  new DomainError('validation', 'VALIDATION_FAILED', details.map((d) => d.message).join('; '), details);
