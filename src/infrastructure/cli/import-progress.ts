/**
 * A one-line progress bar on stderr (only when it is a terminal): bytes read of the file,
 * rows so far and rows per second. Redrawn at most five times a second.
 */
export class ImportProgress {
  private readonly totalBytes: number;
  private readonly startedAt = performance.now();
  private readonly enabled = process.stderr.isTTY === true;
  private bytes = 0;
  private rows = 0;
  private drawnAt = 0;

  constructor(totalBytes: number) {
    this.totalBytes = totalBytes;
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
      this.rows++;
      if (this.enabled && performance.now() - this.drawnAt > 200) this.draw();
      yield record;
    }
  }

  done(): void {
    if (!this.enabled) return;
    this.draw();
    process.stderr.write('\n');
  }

  private draw(): void {
    this.drawnAt = performance.now();
    const fraction = this.totalBytes > 0 ? Math.min(1, this.bytes / this.totalBytes) : 1;
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (this.drawnAt - this.startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(this.rows / seconds) : 0;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    process.stderr.write(
      `\r[${bar}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${this.rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s `,
    );
  }
}
