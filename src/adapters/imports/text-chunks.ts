import { TextDecoder } from 'node:util';
import { ImportFormatError, ImportLimitError } from '../../domain/import-errors.ts';

/** What an upload looks like to the parsers: a Node Readable or any async iterable of chunks. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

/** Passes chunks through, counting bytes as they stream; over `maxBytes` → 413. */
export async function* limitBytes(source: ByteSource, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw new ImportLimitError('IMPORT_TOO_LARGE', maxBytes, `the file is larger than ${maxBytes} bytes`);
    yield bytes;
  }
}

const notText = () => new ImportFormatError('IMPORT_NOT_TEXT', 'the file is not UTF-8 text');

/** Text is handed on in pieces of at most this many bytes, however large the chunks that arrive. */
const PIECE_BYTES = 64 * 1024;

/**
 * Decodes UTF-8 chunk by chunk (a character split across chunks is kept for the next one).
 * Invalid UTF-8 or a NUL character means binary data → 415. A leading BOM is dropped.
 * A chunk of megabytes (a body received whole) is cut into pieces so that each stretch of
 * synchronous parsing stays short (see decodeRecords).
 */
export async function* decodeUtf8(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let start = 0; start < bytes.byteLength; start += PIECE_BYTES) {
      const text = decode(decoder, bytes.subarray(start, start + PIECE_BYTES), true);
      if (text.includes('\u0000')) throw notText();
      if (text !== '') yield text;
    }
  }
  const rest = decode(decoder, undefined, false);
  if (rest !== '') yield rest;
}

function decode(decoder: TextDecoder, bytes: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw notText();
  }
}
