import { ImportLimitError, ImportSyntaxError } from '../../domain/import-errors.ts';
import type { CsvRow } from './csv-scanner.ts';

/*
 * A movie has a dozen fields, so a real header is short. These bounds refuse a hostile one
 * (100,000 columns once froze the service) before it costs anything; every check is linear.
 */
export const CSV_LIMITS = { maxColumns: 64, maxHeaderChars: 4_096, maxColumnNameChars: 64 } as const;

// Names a record must not get from a file: setting them would change the record's prototype
// or shadow Object's methods instead of adding a field (JSON import reports them as unknown).
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export const tooManyColumns = (line: number) =>
  new ImportLimitError(
    'IMPORT_TOO_MANY_COLUMNS',
    CSV_LIMITS.maxColumns,
    `the row at line ${line} has more than ${CSV_LIMITS.maxColumns} columns (the limit)`,
  );

export const headerTooLong = () =>
  new ImportLimitError(
    'IMPORT_HEADER_TOO_LARGE',
    CSV_LIMITS.maxHeaderChars,
    `the header row is longer than ${CSV_LIMITS.maxHeaderChars} characters (the limit)`,
  );

/** The header's field names: trimmed, none empty, repeated, longer than the limit or reserved. */
export function readHeader(row: CsvRow): string[] {
  const names = row.cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const fail = (reason: string) => new ImportSyntaxError({ line: row.line, column: 1 }, `header column ${i + 1} ${reason}`);
    if (name === '' || seen.has(name)) throw fail('is empty or repeated');
    if (name.length > CSV_LIMITS.maxColumnNameChars) throw fail(`is longer than ${CSV_LIMITS.maxColumnNameChars} characters (the limit)`);
    if (RESERVED.has(name)) throw fail(`is named ${name}, which is no field of a movie`);
    seen.add(name);
  });
  return names;
}
