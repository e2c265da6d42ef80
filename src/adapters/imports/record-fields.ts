import type { ErrorDetail } from '../../domain/errors.ts';

/** Reads typed fields out of an untrusted record, collecting problems instead of throwing. */
export class RecordFields {
  readonly problems: ErrorDetail[] = [];
  private readonly record: Record<string, unknown>;

  constructor(record: Record<string, unknown>) {
    this.record = record;
  }

  has(field: string): boolean {
    return this.record[field] !== undefined;
  }

  string(field: string, required = false): string | null | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return this.missing(field, required, value);
    if (typeof value === 'string') return value;
    return this.wrong(field, 'a string');
  }

  number(field: string): number | null | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.wrong(field, 'a number');
  }

  /** An array of strings, or one string of `|`-separated names (CSV cells, catalog API). */
  genres(field: string): string[] | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.split('|');
    if (!Array.isArray(value)) return this.wrong(field, 'an array of strings or a "|"-separated string');
    const bad = value.findIndex((genre) => typeof genre !== 'string');
    if (bad >= 0) return this.wrong(`${field}/${bad}`, 'a string');
    return value as string[];
  }

  private missing(field: string, required: boolean, value: null | undefined): undefined | null {
    if (required) this.problems.push({ path: `/${field}`, message: `${field} is required` });
    return value;
  }

  private wrong(field: string, expected: string): undefined {
    this.problems.push({ path: `/${field}`, message: `${field} must be ${expected}` });
    return undefined;
  }
}
