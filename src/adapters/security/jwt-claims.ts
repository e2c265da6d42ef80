import { invalidToken } from '../../domain/auth-errors.ts';

/** The `permissions` claim: absent is none; anything but a list of strings refuses the token. */
export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalidToken('permissions must be a list of strings');
  return value;
}

/**
 * fast-jwt accepts a token while now ≤ exp to the millisecond; RFC 7519 wants now < exp and
 * exp is in whole seconds, so the verifier's clock reads the last millisecond of the current
 * second: a token is refused from the second it names as its expiry, as before.
 */
export function endOfSecond(now: Date): number {
  return Math.floor(now.getTime() / 1000) * 1000 + 999;
}
