import { ImportLimitError } from '../../domain/import-errors.ts';
import { type ByteSource, decodeUtf8 } from './text-chunks.ts';

/** Turns text, chunk by chunk, into records; it keeps only an unfinished record between chunks. */
export interface RecordDecoder {
  feed(text: string): Iterable<unknown>;
  end(): Iterable<unknown>;
}

/*
 * The only per-record `await` is the yield below: the decoders work synchronously on each
 * text chunk, since every extra async generator layer costs a promise per record.
 */
export async function* decodeRecords(source: ByteSource, decoder: RecordDecoder, maxRows = Infinity): AsyncGenerator<unknown> {
  let rows = 0;
  const counted = (record: unknown) => {
    if (++rows > maxRows) throw new ImportLimitError('IMPORT_TOO_MANY_ROWS', maxRows, `the file has more than ${maxRows} rows`);
    return record;
  };
  for await (const text of decodeUtf8(source)) {
    for (const record of decoder.feed(text)) yield counted(record);
  }
  for (const record of decoder.end()) yield counted(record);
}
