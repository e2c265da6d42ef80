import { DomainError } from '../../../domain/errors.ts';

/** SQLSTATE codes the repositories translate into domain errors. */
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);
// Class 08 (connection exception), 57P01-03 (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections),
// 57014 (statement_timeout reached: a slow or blocked database answers 503, not 500).
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300|57014)/;
// pg's own messages: "Connection terminated…", "timeout exceeded when trying to connect", "Query read timeout" (query_timeout).
const CONNECTION_MESSAGE = /terminat|connection|not queryable|closed|timeout exceeded|read timeout/i;

export interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** A failed statement, stripped of driver types; keeps the SQLSTATE and constraint for the repositories. */
export class QueryFailedError extends Error {
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;
  constructor(driverError: DriverError, cause: unknown) {
    super(`database query failed${driverError.code ? ` (SQLSTATE ${driverError.code})` : ''}`, { cause });
    this.name = 'QueryFailedError';
    this.sqlState = driverError.code;
    this.constraint = driverError.constraint;
  }
}

export function violates(error: unknown, sqlState: string): error is QueryFailedError {
  return error instanceof QueryFailedError && error.sqlState === sqlState;
}

export const databaseUnavailable = (): DomainError =>
  new DomainError('unavailable', 'DATABASE_UNAVAILABLE', 'the database is unavailable; try again shortly');

/**
 * Whatever the driver threw, translated: the database being out of reach becomes the
 * domain's `unavailable` (503); anything else a QueryFailedError that the repositories turn
 * into conflicts or not-found, and whose driver details go no further than the log.
 */
export function translateDatabaseError(error: unknown): Error {
  if (error instanceof DomainError) return error;
  const driverError = (typeof error === 'object' && error !== null ? error : {}) as DriverError;
  const { code, message } = driverError;
  if (code && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return databaseUnavailable();
  if (!code && CONNECTION_MESSAGE.test(message ?? '')) return databaseUnavailable();
  return new QueryFailedError(driverError, error);
}
