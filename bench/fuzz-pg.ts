/*
 * The fuzz test of test/http/fuzz.test.ts at nightly size, on PostgreSQL: every hostile value
 * for every parameter and body field, every hostile import file, for each seed.
 *   npm run fuzz:pg                    # seed from the clock, printed
 *   FUZZ_SEEDS=1,2,3 npm run fuzz:pg   # TEST_DATABASE_URL picks the server (a database to create others from)
 * Exits 1 when any request broke the invariant (a 5xx, a 4xx without the envelope, a refused
 * write that changed the catalog), listing them.
 */
import { withPostgres } from '../test/support/databases.ts';
import { fuzz } from '../test/support/hostile/fuzz.ts';

const seeds = (process.env.FUZZ_SEEDS ?? String(Date.now() % 1_000_000)).split(',').map(Number);
let failures = 0;
for (const seed of seeds) {
  const cleanups: (() => unknown)[] = [];
  const database = await withPostgres({ teardown: (fn) => cleanups.push(fn) });
  const started = performance.now();
  try {
    const run = await fuzz(database, seed, { valuesPerField: Infinity, imports: Infinity });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`seed ${seed}: ${run.requests} requests in ${seconds} s, statuses ${JSON.stringify(run.statuses)}`);
    for (const failure of run.failures) console.log(`  ${failure}`);
    failures += run.failures.length;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
console.log(failures === 0 ? 'no request broke the invariant' : `${failures} requests broke the invariant`);
process.exitCode = failures === 0 ? 0 : 1;
