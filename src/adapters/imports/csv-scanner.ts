import { ImportLimitError, ImportSyntaxError, type SourcePosition } from '../../domain/import-errors.ts';
import { CSV_LIMITS, headerTooLong, tooManyColumns } from './csv-limits.ts';
import { TextPosition } from './text-position.ts';

export interface CsvRow {
  cells: string[];
  line: number; // where the row starts
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * RFC 4180 rows out of streamed text: comma-separated, fields in double quotes may hold
 * commas, newlines and doubled quotes (""), rows end with \n or \r\n. A quote inside an
 * unquoted field is kept as text (5'11" is common in real data).
 */
export class CsvScanner {
  private readonly maxRowChars: number;
  private readonly position = new TextPosition();
  private state: State = 'fieldStart';
  private cells: string[] = [];
  private field = '';
  private rowChars = 0;
  private rowLine = 1;
  private rows = 0;

  constructor(maxRowChars: number) {
    this.maxRowChars = maxRowChars;
  }

  *feed(text: string): Generator<CsvRow> {
    for (let i = 0; i < text.length; i++) {
      const row = this.read(text[i] as string);
      this.position.advance(text.charCodeAt(i));
      if (row) yield row;
    }
  }

  /** The last row, if the file does not end with a newline. */
  end(): CsvRow | null {
    if (this.state === 'quoted') throw new ImportSyntaxError(this.position.at(), 'unexpected end of file inside a quoted field');
    return this.state === 'fieldStart' && this.cells.length === 0 && this.field === '' ? null : this.endRow();
  }

  private read(char: string): CsvRow | null {
    if (++this.rowChars > CSV_LIMITS.maxHeaderChars && this.rows === 0) throw headerTooLong();
    if (this.rowChars > this.maxRowChars) {
      throw new ImportLimitError(
        'IMPORT_RECORD_TOO_LARGE',
        this.maxRowChars,
        `the row at line ${this.rowLine} is longer than ${this.maxRowChars} characters`,
      );
    }
    if (this.state === 'quoted') return this.readQuoted(char);
    if (this.state === 'quoteInQuoted') return this.afterQuote(char);
    return this.readPlain(char);
  }

  private readPlain(char: string): CsvRow | null {
    if (char === ',') this.endField();
    else if (char === '\n') return this.endRow();
    else if (char === '"' && this.state === 'fieldStart') this.state = 'quoted';
    else if (char !== '\r') this.append(char);
    return null;
  }

  private readQuoted(char: string): null {
    if (char === '"') this.state = 'quoteInQuoted';
    else this.field += char;
    return null;
  }

  private afterQuote(char: string): CsvRow | null {
    if (char === '"') {
      this.field += '"';
      this.state = 'quoted';
      return null;
    }
    if (char === ',' || char === '\n' || char === '\r') return this.readPlain(char);
    throw this.error(`unexpected "${char}" after a closing quote`);
  }

  private append(char: string): void {
    this.field += char;
    this.state = 'unquoted';
  }

  private endField(): void {
    if (this.cells.length === CSV_LIMITS.maxColumns) throw tooManyColumns(this.rowLine);
    this.cells.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRow(): CsvRow {
    this.endField();
    const row = { cells: this.cells, line: this.rowLine };
    this.cells = [];
    this.rowChars = 0;
    this.rows++;
    this.rowLine = this.position.line + 1;
    return row;
  }

  private error(reason: string): ImportSyntaxError {
    const where: SourcePosition = this.position.at();
    return new ImportSyntaxError(where, reason);
  }
}
