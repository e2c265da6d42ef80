import { ImportInterruptedError } from '../../domain/import-errors.ts';

/**
 * The records, until `signal` aborts; then the next step throws ImportInterruptedError. It
 * interrupts the wait for the next record too, so a shutdown never waits on a slow or stalled
 * upload: the import's transaction rolls back at once. One listener serves the whole import and
 * rejects only the read in progress, so nothing piles up per record.
 */
export async function* untilAborted<T>(records: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) return yield* records;
  const iterator = records[Symbol.asyncIterator]();
  let interruptRead = (_error: Error) => {};
  const onAbort = () => interruptRead(new ImportInterruptedError());
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal.aborted) throw new ImportInterruptedError();
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        interruptRead = reject;
        iterator.next().then(resolve, reject);
      });
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // A read still waiting on the upload ends when its connection closes.
    void iterator.return?.()?.catch(() => undefined);
  }
}
