import { ImportSyntaxError } from '../../domain/import-errors.ts';
import { type CsvRow, CsvScanner } from './csv-scanner.ts';
import { DEFAULT_MAX_RECORD_CHARS } from './json-array-parser.ts';
import { type ByteSource, decodeUtf8 } from './text-chunks.ts';

/*
 * CSV cells are all text, while the record mapper is strict about types (as for JSON).
 * So this adapter gives the cells of the numeric columns their type, and leaves an empty
 * cell out (= not given). A cell that is no number stays text and the mapper reports it.
 * Genre cells stay "a|b" strings: the mapper splits them.
 */
const NUMERIC_COLUMNS = new Set(['99popularity', 'popularity', 'imdb_score']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Records of a CSV file whose first row names the fields; blank lines are skipped. */
export async function* parseCsv(source: ByteSource, maxRecordChars = DEFAULT_MAX_RECORD_CHARS): AsyncGenerator<Record<string, unknown>> {
  const scanner = new CsvScanner(maxRecordChars);
  let header: string[] | null = null;
  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const text of decodeUtf8(source)) yield* scanner.feed(text);
    const last = scanner.end();
    if (last) yield last;
  }
  for await (const row of rows()) {
    if (row.cells.length === 1 && row.cells[0]?.trim() === '') continue;
    if (header) yield toRecord(header, row);
    else header = readHeader(row);
  }
  if (!header) throw new ImportSyntaxError({ line: 1, column: 1 }, 'the file is empty: expected a header row naming the fields');
}

function readHeader(row: CsvRow): string[] {
  const names = row.cells.map((cell) => cell.trim());
  const bad = names.findIndex((name, i) => name === '' || names.indexOf(name) !== i);
  if (bad >= 0) throw new ImportSyntaxError({ line: row.line, column: 1 }, `header column ${bad + 1} is empty or repeated`);
  return names;
}

function toRecord(header: string[], row: CsvRow): Record<string, unknown> {
  if (row.cells.length !== header.length) {
    throw new ImportSyntaxError({ line: row.line, column: 1 }, `the row has ${row.cells.length} fields; the header names ${header.length}`);
  }
  const record: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const cell = row.cells[i] as string;
    if (cell.trim() === '') return;
    record[name] = NUMERIC_COLUMNS.has(name) && NUMBER.test(cell.trim()) ? Number(cell) : cell;
  });
  return record;
}
