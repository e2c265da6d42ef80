import { invalid } from './errors.ts';

export const PASSWORD_MIN = 8;
/** The upper bound keeps a single login from costing unbounded hashing work. */
export const PASSWORD_MAX = 128;

/**
 * docs/architecture.md, "Security rules": 8–128 characters (code points), at least one digit, one lower-case and one
 * upper-case letter. Throws one validation error with path /password listing every miss.
 */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  const misses: string[] = [];
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) misses.push(`${PASSWORD_MIN}–${PASSWORD_MAX} characters`);
  if (!/\p{Nd}/u.test(password)) misses.push('a digit');
  if (!/\p{Ll}/u.test(password)) misses.push('a lower-case letter');
  if (!/\p{Lu}/u.test(password)) misses.push('an upper-case letter');
  if (misses.length === 0) return;
  throw invalid([{ path: '/password', message: `password must have ${misses.join(', ')}` }]);
}
