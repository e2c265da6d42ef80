import { DomainError } from './errors.ts';
import type { ImportReport } from './import-report.ts';

/*
 * Errors of a bulk import, in the catalogue's style: the HTTP adapter maps `kind`
 * (unsupported_media → 415, malformed → 400, too_large → 413, validation → 422).
 * Subclasses exist so callers can read the extra fields (where, limit, report).
 */

/** Unknown format, or bytes that are not UTF-8 text. */
export class ImportFormatError extends DomainError {
  constructor(code: 'IMPORT_FORMAT_UNKNOWN' | 'IMPORT_NOT_TEXT', message: string) {
    super('unsupported_media', code, message);
    this.name = 'ImportFormatError';
  }
}

/** Where in the file a syntax error was found: 1-based line and column (in characters). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The file cannot be parsed (broken JSON, a bad NDJSON line, a broken CSV row). */
export class ImportSyntaxError extends DomainError {
  readonly where: SourcePosition;

  constructor(where: SourcePosition, reason: string) {
    const message = `line ${where.line}, column ${where.column}: ${reason}`;
    super('malformed', 'IMPORT_MALFORMED', message, [{ path: '', message }]);
    this.name = 'ImportSyntaxError';
    this.where = where;
  }
}

export type ImportLimitCode =
  'IMPORT_TOO_LARGE' | 'IMPORT_TOO_MANY_ROWS' | 'IMPORT_RECORD_TOO_LARGE' | 'IMPORT_HEADER_TOO_LARGE' | 'IMPORT_TOO_MANY_COLUMNS';

/** Over IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, or one record larger than the per-record cap. */
export class ImportLimitError extends DomainError {
  readonly limit: number;

  constructor(code: ImportLimitCode, limit: number, message: string) {
    super('too_large', code, message);
    this.name = 'ImportLimitError';
    this.limit = limit;
  }
}

/** The upload sent no byte for IMPORT_IDLE_TIMEOUT_MS: the import was rolled back (→ 408). */
export class ImportStalledError extends DomainError {
  constructor(idleMs: number) {
    super('timeout', 'IMPORT_STALLED', `no byte of the upload arrived for ${idleMs} ms: the import was rolled back and nothing was stored`);
    this.name = 'ImportStalledError';
  }
}

/** An atomic import with invalid rows: nothing was stored; the report says why (→ 422). */
export class ImportRejectedError extends DomainError {
  readonly report: ImportReport;

  constructor(report: ImportReport) {
    const details = report.errors.map((e) => ({ path: `/rows/${e.row}${e.path}`, message: e.message }));
    super('validation', 'IMPORT_REJECTED', `${report.failed} of ${report.received} rows are invalid; nothing was stored`, details);
    this.name = 'ImportRejectedError';
    this.report = report;
  }
}

/** The service is shutting down: the import was rolled back before it could finish (→ 503). */
export class ImportInterruptedError extends DomainError {
  constructor() {
    super(
      'unavailable',
      'IMPORT_INTERRUPTED',
      'the service is shutting down: the import was rolled back and nothing was stored; send it again',
    );
    this.name = 'ImportInterruptedError';
  }
}
