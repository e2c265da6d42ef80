import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import t from 'tap';
import { parseImport } from '../../../src/adapters/imports/parse-import.ts';

/*
 * A coarse check that parsing streams: 200,000 NDJSON lines (~40 MB) are generated lazily
 * and parsed; the heap in use afterwards (after GC when available) stays far below what
 * holding the file or its records would need. No timing assertions.
 */
const LINES = 200_000;

async function* generated() {
  const batch: string[] = [];
  for (let i = 1; i <= LINES; i++) {
    batch.push(
      JSON.stringify({
        title: `Movie ${i}`,
        director: `Director ${i % 997}`,
        genres: ['Drama', 'Crime'],
        popularity: i % 100,
        imdb_score: (i % 100) / 10,
        release_date: '1999-01-01',
        note: 'x'.repeat(100),
      }),
    );
    if (batch.length === 500) yield Buffer.from(batch.splice(0).join('\n') + '\n');
  }
  if (batch.length) yield Buffer.from(batch.join('\n') + '\n');
}

// Measure what is retained, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

t.test('heap does not grow with the file', async (t) => {
  gc();
  const start = process.memoryUsage().heapUsed;
  let count = 0;
  let peak = 0;
  for await (const record of parseImport(generated(), { format: 'ndjson', maxBytes: 1e9, maxRows: 1e7 })) {
    if ((record as { title: string }).title) count++;
    if (count % 20_000 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - start);
    }
  }
  t.equal(count, LINES);
  gc();
  const grown = (process.memoryUsage().heapUsed - start) / 2 ** 20;
  t.ok(grown < 100, `heap grew by ${grown.toFixed(1)} MB`);
  t.ok(peak / 2 ** 20 < 20, `retained while parsing ${(peak / 2 ** 20).toFixed(1)} MB (the file is about 40 MB)`);
});
