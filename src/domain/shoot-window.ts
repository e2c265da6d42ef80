import { isIsoDate } from './dates.ts';
import type { Rules } from './rules.ts';

/** When a movie shoots: two ISO dates, both inclusive. */
export interface ShootWindow {
  start: string;
  end: string;
}

/** The window of a movie's two optional dates: both set, or none (a half-known shoot cannot be checked). */
export function shootWindowOf(start: string | null, end: string | null): ShootWindow | null {
  return start !== null && end !== null ? { start, end } : null;
}

/** Adds the rules of a shoot window to `rules`: real dates, both or neither, start ≤ end. */
export function checkShootWindow(rules: Rules, start: string | null | undefined, end: string | null | undefined): Rules {
  const message = (field: string) => `${field} must be a date written YYYY-MM-DD`;
  rules.check(start == null || isIsoDate(start), '/shoot_start', message('shoot_start'));
  rules.check(end == null || isIsoDate(end), '/shoot_end', message('shoot_end'));
  rules.check((start == null) === (end == null), '/shoot_end', 'shoot_start and shoot_end are set together or not at all');
  return rules.check(start == null || end == null || start <= end, '/shoot_end', 'shoot_end must not be before shoot_start');
}

/** Two shoots overlap when they share at least one day (ISO dates compare as strings). */
export function overlaps(a: ShootWindow | null, b: ShootWindow | null): boolean {
  return a !== null && b !== null && a.start <= b.end && b.start <= a.end;
}
