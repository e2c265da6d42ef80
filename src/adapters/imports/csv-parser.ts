import { ImportSyntaxError } from '../../domain/import-errors.ts';
import { unguardFormula } from './csv-formula.ts';
import { readHeader } from './csv-limits.ts';
import { type CsvRow, CsvScanner } from './csv-scanner.ts';
import { DEFAULT_MAX_RECORD_CHARS } from './json-array-parser.ts';
import { decodeRecords, type RecordDecoder } from './record-stream.ts';
import type { ByteSource } from './text-chunks.ts';

/*
 * CSV cells are all text, while the record mapper is strict about types (as for JSON).
 * So this adapter gives the cells of the numeric columns their type, and leaves an empty
 * cell out (= not given). A cell that is no number stays text and the mapper reports it.
 * Genre cells stay "a|b" strings: the mapper splits them. A cell our export guarded against
 * formula injection ('=…) is read back as its original text.
 */
const NUMERIC_COLUMNS = new Set(['99popularity', 'popularity', 'imdb_score']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Records of a CSV file whose first row names the fields; blank lines are skipped. */
export function parseCsv(source: ByteSource, maxRecordChars = DEFAULT_MAX_RECORD_CHARS, maxRows?: number): AsyncGenerator<unknown> {
  return decodeRecords(source, new CsvDecoder(maxRecordChars), maxRows);
}

class CsvDecoder implements RecordDecoder {
  private readonly scanner: CsvScanner;
  private header: string[] | null = null;

  constructor(maxRowChars: number) {
    this.scanner = new CsvScanner(maxRowChars);
  }

  *feed(text: string): Generator<unknown> {
    for (const row of this.scanner.feed(text)) yield* this.take(row);
  }

  *end(): Generator<unknown> {
    const last = this.scanner.end();
    if (last) yield* this.take(last);
    if (!this.header) throw new ImportSyntaxError({ line: 1, column: 1 }, 'the file is empty: expected a header row naming the fields');
  }

  private *take(row: CsvRow): Generator<unknown> {
    if (row.cells.length === 1 && row.cells[0]?.trim() === '') return;
    if (this.header) yield toRecord(this.header, row);
    else this.header = readHeader(row);
  }
}

function toRecord(header: string[], row: CsvRow): Record<string, unknown> {
  if (row.cells.length !== header.length) {
    throw new ImportSyntaxError({ line: row.line, column: 1 }, `the row has ${row.cells.length} fields; the header names ${header.length}`);
  }
  const fields: [string, unknown][] = [];
  header.forEach((name, i) => {
    const cell = unguardFormula(row.cells[i] as string);
    if (cell.trim() === '') return;
    fields.push([name, NUMERIC_COLUMNS.has(name) && NUMBER.test(cell.trim()) ? Number(cell) : cell]);
  });
  return Object.fromEntries(fields); // own properties whatever the names (no setter of Object.prototype runs)
}
