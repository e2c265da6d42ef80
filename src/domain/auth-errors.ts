import { DomainError, type ErrorCode } from './errors.ts';

/** 401: no usable credentials. One code per cause the client can act on, never more detail. */
export const unauthorized = (code: ErrorCode, message: string): DomainError => new DomainError('unauthorized', code, message);

/** 403: authenticated, but this action is not allowed. */
export const forbidden = (code: ErrorCode, message: string): DomainError => new DomainError('forbidden', code, message);

/** The one answer for a bad token of any kind: callers must not learn which check failed. */
export const invalidToken = (message = 'the token is invalid'): DomainError => unauthorized('INVALID_TOKEN', message);
