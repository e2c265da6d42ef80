import { ImportInterruptedError } from '../../domain/import-errors.ts';

/**
 * The records, until `signal` aborts; then the next step throws ImportInterruptedError. It
 * races the wait for the next record too, so a shutdown never waits on a slow or stalled
 * upload: the import's transaction rolls back at once.
 */
export async function* untilAborted<T>(records: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) return yield* records;
  const iterator = records[Symbol.asyncIterator]();
  let stop = () => {};
  const aborted = new Promise<never>((_resolve, reject) => (stop = () => reject(new ImportInterruptedError())));
  aborted.catch(() => undefined); // raced below; never left unhandled
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    // A read still waiting on the upload ends when its connection closes.
    void iterator.return?.()?.catch(() => undefined);
  }
}
