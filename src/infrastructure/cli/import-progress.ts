import { secondsSince } from '../startup-steps.ts';

/** Where and how often progress goes; the defaults suit `npm run import`, tests pass their own. */
export interface ProgressOptions {
  /** A person watching: one bar redrawn in place. Otherwise a plain line every `everyMs`. */
  terminal?: boolean;
  everyMs?: number;
  write?: (text: string) => void;
  now?: () => number;
}

/**
 * Import progress on stderr: rows taken by the import, bytes read of the file and the rate in
 * rows per second measured from the first row (opening the database is not import time). On
 * a terminal a bar redrawn in place; elsewhere (a pipe, a log file, CI) one line every few
 * seconds, so a long import in a script shows it is alive. Rows are counted as the import
 * takes them, before they are written: the whole import commits at the end, in one transaction.
 */
export class ImportProgress {
  private readonly totalBytes: number;
  private readonly terminal: boolean;
  private readonly everyMs: number;
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private bytes = 0;
  private rows = 0;
  private firstRowAt: number | undefined;
  private allRead = false;
  private shownAt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(totalBytes: number, options: ProgressOptions = {}) {
    this.totalBytes = totalBytes;
    this.terminal = options.terminal ?? process.stderr.isTTY === true;
    this.everyMs = options.everyMs ?? (this.terminal ? 200 : 5_000);
    this.write = options.write ?? ((text) => void process.stderr.write(text));
    this.now = options.now ?? (() => performance.now());
  }

  /** Counts the bytes of a source as they are read. */
  async *bytesOf(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.bytes += chunk.length;
      yield chunk;
    }
  }

  /** Counts the records as the import takes them. */
  async *rowsOf(records: AsyncIterable<unknown>): AsyncGenerator<unknown> {
    for await (const record of records) {
      if (this.rows++ === 0) this.started();
      if (this.now() - this.shownAt >= this.everyMs) this.show();
      yield record;
    }
    this.allRead = true;
  }

  /** The last figures, once the import has ended (either way). */
  done(): void {
    clearInterval(this.timer);
    if (this.firstRowAt === undefined) return;
    this.show();
    if (this.terminal) this.write('\n');
  }

  private started(): void {
    this.firstRowAt = this.shownAt = this.now();
    if (!this.terminal) this.write(`import: first row ${secondsSince(0)} after the process started\n`);
    // A timer too: a batch being written takes no rows for a while, and the line must still come.
    this.timer = setInterval(() => this.show(), this.everyMs).unref();
  }

  private show(): void {
    this.shownAt = this.now();
    const figures = this.figures();
    this.write(this.terminal ? `\r${bar(this.fraction())} ${figures} ` : `import: ${figures}\n`);
  }

  private figures(): string {
    const seconds = (this.now() - (this.firstRowAt ?? this.now())) / 1000;
    const rate = seconds > 0 ? Math.round(this.rows / seconds).toLocaleString('en') : '–';
    const read = `${megabytes(this.bytes)} of ${megabytes(this.totalBytes)} MB read (${Math.floor(this.fraction() * 100)}%)`;
    const committing = this.allRead ? '; all rows read, committing' : '';
    return `${this.rows.toLocaleString('en')} rows, ${read}, ${rate} rows/s over ${seconds.toFixed(1)} s${committing}`;
  }

  private fraction(): number {
    return this.totalBytes > 0 ? Math.min(1, this.bytes / this.totalBytes) : 1;
  }
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

function bar(fraction: number, width = 30): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
