import { ImportLimitError, ImportSyntaxError, type SourcePosition } from '../../domain/import-errors.ts';
import { decodeRecords, type RecordDecoder } from './record-stream.ts';
import type { ByteSource } from './text-chunks.ts';
import { jsonErrorOffset, jsonErrorReason, TextPosition } from './text-position.ts';

export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;

/** A movie record is an object holding arrays at most; deeper nesting is no record of ours. */
export const MAX_RECORD_DEPTH = 16;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Yields the elements of a top-level JSON array one at a time. The scanner only finds where
 * each element ends (strings, escapes and brackets); JSON.parse then reads that element, so
 * at most one record is held in memory. Broken JSON → ImportSyntaxError with line/column.
 */
export function parseJsonArray(source: ByteSource, maxRecordChars = DEFAULT_MAX_RECORD_CHARS, maxRows?: number): AsyncGenerator<unknown> {
  return decodeRecords(source, new JsonArrayScanner(maxRecordChars), maxRows);
}

type Phase = 'start' | 'value' | 'after' | 'done';

class JsonArrayScanner implements RecordDecoder {
  private readonly maxRecordChars: number;
  private readonly position = new TextPosition();
  private phase: Phase = 'start';
  private element = ''; // text of the element being read
  private elementStart: SourcePosition | null = null;
  private readonly closers: string[] = []; // brackets still open inside the element
  private inString = false;
  private escaped = false;
  private count = 0;

  constructor(maxRecordChars: number) {
    this.maxRecordChars = maxRecordChars;
  }

  *feed(text: string): Generator<unknown> {
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (this.elementStart) {
        const done = this.readElement(char);
        if (done) yield this.finishElement(char);
      } else {
        this.between(char);
      }
      this.position.advance(text.charCodeAt(i));
    }
  }

  end(): unknown[] {
    if (this.phase === 'start') throw this.error('the file is empty: expected a JSON array of records');
    if (this.phase !== 'done') throw this.error('unexpected end of file: the array is not closed');
    return [];
  }

  /** Outside an element: the opening bracket, commas, the closing bracket, whitespace. */
  private between(char: string): void {
    if (WHITESPACE.has(char)) return;
    if (this.phase === 'start') {
      if (char !== '[') throw this.error('expected "[": the file must be a JSON array of records');
      this.phase = 'value';
    } else if (this.phase === 'after' && (char === ',' || char === ']')) {
      this.phase = char === ',' ? 'value' : 'done';
    } else if (this.phase === 'value' && char === ']' && this.count === 0) {
      this.phase = 'done';
    } else if (this.phase === 'value' && char !== ',' && char !== ']') {
      this.elementStart = this.position.at();
      this.readElement(char);
    } else {
      throw this.error(this.phase === 'done' ? 'unexpected text after the closing "]"' : `unexpected "${char}"`);
    }
  }

  /** Inside an element; true when `char` (a comma or "]" at depth 0) ends it. */
  private readElement(char: string): boolean {
    if (this.inString) this.readStringChar(char);
    else if (this.closers.length === 0 && (char === ',' || char === ']')) return true;
    else this.readStructureChar(char);
    this.element += char;
    if (this.element.length > this.maxRecordChars) {
      throw new ImportLimitError(
        'IMPORT_RECORD_TOO_LARGE',
        this.maxRecordChars,
        `record ${this.count + 1} is larger than ${this.maxRecordChars} characters`,
      );
    }
    return false;
  }

  private readStringChar(char: string): void {
    if (this.escaped) this.escaped = false;
    else if (char === '\\') this.escaped = true;
    else if (char === '"') this.inString = false;
  }

  private readStructureChar(char: string): void {
    if (char === '"') this.inString = true;
    else if (char === '{' || char === '[') this.open(char === '{' ? '}' : ']');
    else if ((char === '}' || char === ']') && this.closers.pop() !== char) throw this.error(`unexpected "${char}"`);
  }

  private open(closer: string): void {
    if (this.closers.length === MAX_RECORD_DEPTH) throw this.error(`a record nested deeper than ${MAX_RECORD_DEPTH} levels (the limit)`);
    this.closers.push(closer);
  }

  private finishElement(char: string): unknown {
    const text = this.element;
    const start = this.elementStart as SourcePosition;
    this.element = '';
    this.elementStart = null;
    this.count++;
    this.phase = char === ',' ? 'value' : 'done';
    try {
      return JSON.parse(text);
    } catch (error) {
      const offset = jsonErrorOffset(error);
      if (offset !== null) throw new ImportSyntaxError(TextPosition.within(text, start, offset), jsonErrorReason(error));
      throw new ImportSyntaxError(start, `in the record starting here: ${jsonErrorReason(error)}`);
    }
  }

  private error(reason: string): ImportSyntaxError {
    return new ImportSyntaxError(this.position.at(), reason);
  }
}
