import { parseCsv } from './csv-parser.ts';
import type { ImportFormat } from './import-format.ts';
import { DEFAULT_MAX_RECORD_CHARS, parseJsonArray } from './json-array-parser.ts';
import { parseNdjson } from './ndjson-parser.ts';
import { type ByteSource, limitBytes } from './text-chunks.ts';

export interface ParseImportOptions {
  format: ImportFormat;
  maxBytes: number; // IMPORT_MAX_BYTES → ImportLimitError IMPORT_TOO_LARGE (413)
  maxRows: number; // IMPORT_MAX_ROWS → ImportLimitError IMPORT_TOO_MANY_ROWS (413)
  maxRecordChars?: number; // one record's size, default 1 MiB → IMPORT_RECORD_TOO_LARGE (413)
}

const PARSERS = new Map([
  ['json', parseJsonArray],
  ['ndjson', parseNdjson],
  ['csv', parseCsv],
] as const);

/**
 * An upload → its records, one at a time, for ImportMovies. Everything is lazy: bytes are
 * read only as records are asked for, and every error (not text, syntax, limits) is thrown
 * from the iteration, i.e. inside the import's transaction, which it then rolls back.
 */
export function parseImport(source: ByteSource, options: ParseImportOptions): AsyncGenerator<unknown> {
  const parse = PARSERS.get(options.format);
  if (!parse) throw new TypeError(`no parser for ${options.format}`); // detectFormat names only these
  return parse(limitBytes(source, options.maxBytes), options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS, options.maxRows);
}
