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

export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(kind: ErrorKind, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (entity: string, id: number | string): DomainError =>
  new DomainError('not_found', `${entity.toUpperCase()}_NOT_FOUND`, `${entity} ${id} not found`);

export const conflict = (code: string, message: string): DomainError => new DomainError('conflict', code, message);

export const staleVersion = (entity: string): DomainError =>
  new DomainError('precondition', 'VERSION_MISMATCH', `${entity} was changed by someone else; fetch it again`);

export const invalid = (details: ErrorDetail[]): DomainError =>
  new DomainError('validation', 'VALIDATION_FAILED', details.map((d) => d.message).join('; '), details);
