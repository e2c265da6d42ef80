import type { ErrorDetail } from './errors.ts';
import { invalid } from './errors.ts';
import { isStorableText, STORABLE_TEXT_RULE } from './text.ts';

/** Characters (code points) of `text`, counting no further than `max` + 1. */
function codePoints(text: string, max: number): number {
  if (text.length > 2 * max) return max + 1; // a code point is at most two UTF-16 units
  let count = 0;
  for (const _ of text) if (++count > max) break;
  return count;
}

const between = (n: number, min: number, max: number) => n >= min && n <= max;

/** Collects rule violations so one response can name every broken field at once. */
export class Rules {
  private readonly problems: ErrorDetail[] = [];

  check(ok: boolean, path: string, message: string): this {
    if (!ok) this.problems.push({ path, message });
    return this;
  }

  text(value: string | undefined | null, path: string, min: number, max: number): this {
    if (value === undefined || value === null) return this;
    if (!isStorableText(value)) return this.check(false, path, `${path.slice(1)} ${STORABLE_TEXT_RULE}`);
    return this.check(between(codePoints(value, max), min, max), path, `${path.slice(1)} must be ${min}–${max} characters`);
  }

  range(value: number | undefined | null, path: string, min: number, max: number): this {
    if (value === undefined || value === null) return this;
    const ok = Number.isFinite(value) && value >= min && value <= max;
    return this.check(ok, path, `${path.slice(1)} must be between ${min} and ${max}`);
  }

  integer(value: number | undefined | null, path: string): this {
    if (value === undefined || value === null) return this;
    return this.check(Number.isInteger(value), path, `${path.slice(1)} must be a whole number`);
  }

  /** Throws one validation error listing every problem found, if any. */
  enforce(): void {
    if (this.problems.length > 0) throw invalid(this.problems);
  }
}
