import { setImmediate as nextTurn } from 'node:timers/promises';
import { ImportLimitError } from '../../domain/import-errors.ts';
import { type ByteSource, decodeUtf8 } from './text-chunks.ts';

/** Turns text, chunk by chunk, into records; it keeps only an unfinished record between chunks. */
export interface RecordDecoder {
  feed(text: string): Iterable<unknown>;
  end(): Iterable<unknown>;
}

/*
 * Parsing and validating rows is synchronous work between awaits that resolve at once
 * (a body already received, a dry run that touches no database), so an import could hold
 * the event loop for as long as the file lasts. After SLICE_MS of such work it waits for the
 * next turn of the loop, so other requests (and /health/live) are served in between.
 */
const SLICE_MS = 10;

/*
 * The only per-record `await` is the yield below: the decoders work synchronously on each
 * text chunk, since every extra async generator layer costs a promise per record.
 */
export async function* decodeRecords(source: ByteSource, decoder: RecordDecoder, maxRows = Infinity): AsyncGenerator<unknown> {
  let rows = 0;
  let sliceStart = performance.now();
  const due = () => performance.now() - sliceStart > SLICE_MS;
  const counted = (record: unknown) => {
    if (++rows > maxRows) throw new ImportLimitError('IMPORT_TOO_MANY_ROWS', maxRows, `the file has more than ${maxRows} rows`);
    return record;
  };
  for await (const text of decodeUtf8(source)) {
    for (const record of decoder.feed(text)) {
      yield counted(record);
      if (due()) sliceStart = await nextTurn().then(() => performance.now());
    }
    if (due()) sliceStart = await nextTurn().then(() => performance.now());
  }
  for (const record of decoder.end()) yield counted(record);
}
