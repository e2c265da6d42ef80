import { ImportStalledError } from '../../domain/import-errors.ts';

/**
 * The chunks of an upload, each of which must arrive within `idleMs` of being asked for, else
 * ImportStalledError (408). Only the wait for the client counts: while the import stores rows
 * nothing is asked for, so a slow database never reads as a stalled upload.
 */
export async function* idleLimit<T>(source: AsyncIterable<T>, idleMs: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await withinIdle(iterator.next(), idleMs);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // A read still waiting on the upload ends when its connection closes.
    void iterator.return?.()?.catch(() => undefined);
  }
}

/** `read`, or ImportStalledError if it takes longer than `idleMs`; a late failure of `read` is ignored. */
export function withinIdle<T>(read: Promise<T>, idleMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ImportStalledError(idleMs)), idleMs);
    void read.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
