import { invalidToken } from '../../domain/auth-errors.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * Verification may only ever fail as a DomainError: fast-jwt's TokenErrors and anything
 * unexpected become a plain 401. fast-jwt wraps what a key callback throws in
 * `originalError`, so a DomainError from there (keys unavailable → 503) comes back out.
 */
export async function asInvalidToken<T>(verify: () => Promise<T> | T): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    const cause = (error as { originalError?: unknown } | null)?.originalError ?? error;
    throw cause instanceof DomainError ? cause : invalidToken();
  }
}
