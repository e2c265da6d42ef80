import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ImportBatchWriter, MovieImportStore } from '../application/ports/movie-import-store.ts';

/*
 * Why: an import keeps about as much alive as an idle server (~50 MB of heap), but its batches
 * outlive young-generation collections, so the old generation fills with dead rows; V8 lets it
 * grow up to 4× the live heap before a full collection (--trace-gc: 181 MB → 49 MB), which put
 * the server's peak RSS at 336–342 MB for 200,000 rows. While an import runs, V8 is told to
 * grow the heap by at most 25 % between full collections instead (measured: 281–289 MB, same
 * import time). Only then: under catalog load the default growth is kept, because a tighter one
 * (or a smaller young generation, as the import CLI runs with) was measured to cost req/s.
 * V8 applies the growth when a full collection ends, so the import starts with one (~5–10 ms
 * on a 50 MB heap); without it the limit set at start-up (~180 MB) held until the import's
 * first full collection, and the peak stayed at 329 MB.
 */
const IMPORT_GROWING_PERCENT = 25;
const DEFAULT_GROWING_PERCENT = 0; // 0: V8's own heuristics

let running = 0;

/** V8's gc(), reached without starting Node with --expose-gc: a fresh context gets it once the flag is set. */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function setHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

const collect = fullCollection();

/** The import store, with the heap held tight from the start of each import's transaction to its end. */
export function withTightHeapDuringImports(store: MovieImportStore): MovieImportStore {
  return {
    async transaction<T>(work: (tx: ImportBatchWriter) => Promise<T>): Promise<T> {
      if (running++ === 0) {
        setHeapGrowth(IMPORT_GROWING_PERCENT);
        collect();
      }
      try {
        return await store.transaction(work);
      } finally {
        if (--running === 0) setHeapGrowth(DEFAULT_GROWING_PERCENT);
      }
    },
  };
}
