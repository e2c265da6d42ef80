import { ImportLimitError, ImportSyntaxError } from '../../domain/import-errors.ts';
import { DEFAULT_MAX_RECORD_CHARS } from './json-array-parser.ts';
import { decodeRecords, type RecordDecoder } from './record-stream.ts';
import type { ByteSource } from './text-chunks.ts';
import { jsonErrorOffset, jsonErrorReason } from './text-position.ts';

/** One JSON value per line; blank lines are skipped; a bad line → ImportSyntaxError naming it. */
export function parseNdjson(source: ByteSource, maxRecordChars = DEFAULT_MAX_RECORD_CHARS, maxRows?: number): AsyncGenerator<unknown> {
  return decodeRecords(source, new NdjsonDecoder(maxRecordChars), maxRows);
}

/** Lines end with "\n" or "\r\n"; only the unfinished last line is kept between chunks. */
class NdjsonDecoder implements RecordDecoder {
  private readonly maxLineChars: number;
  private rest = '';
  private line = 0;

  constructor(maxLineChars: number) {
    this.maxLineChars = maxLineChars;
  }

  *feed(text: string): Generator<unknown> {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() as string;
    for (const line of lines) yield* this.parse(line);
    if (this.rest.length > this.maxLineChars) throw this.tooLong(this.line + 1);
  }

  end(): Generator<unknown> {
    return this.parse(this.rest);
  }

  private *parse(raw: string): Generator<unknown> {
    this.line++;
    if (raw.length > this.maxLineChars) throw this.tooLong(this.line);
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    try {
      yield JSON.parse(text);
    } catch (error) {
      throw new ImportSyntaxError({ line: this.line, column: (jsonErrorOffset(error) ?? 0) + 1 }, jsonErrorReason(error));
    }
  }

  private tooLong(line: number): ImportLimitError {
    return new ImportLimitError(
      'IMPORT_RECORD_TOO_LARGE',
      this.maxLineChars,
      `line ${line} is longer than ${this.maxLineChars} characters`,
    );
  }
}
