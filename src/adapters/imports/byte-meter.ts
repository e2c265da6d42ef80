import type { UploadMeter } from '../../application/ports/import-source.ts';
import type { ByteSource } from './text-chunks.ts';

/** Counts the bytes of an upload as the parsers take them: the import job shows them as its progress. */
export class ByteMeter implements UploadMeter {
  readonly bytesTotal: number | null;
  private read = 0;

  constructor(bytesTotal: number | null) {
    this.bytesTotal = bytesTotal;
  }

  bytesRead(): number {
    return this.read;
  }

  /** The chunks of `source`, counted as they pass (one step per chunk, not per record). */
  async *counting(source: ByteSource): AsyncGenerator<Uint8Array | string> {
    for await (const chunk of source) {
      this.read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      yield chunk;
    }
  }
}
