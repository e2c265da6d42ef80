import { invalidToken } from '../../domain/auth-errors.ts';
import { DomainError } from '../../domain/errors.ts';

/** Verification may only ever fail as a DomainError: anything unexpected becomes a plain 401. */
export async function asInvalidToken<T>(verify: () => Promise<T> | T): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    throw error instanceof DomainError ? error : invalidToken();
  }
}
