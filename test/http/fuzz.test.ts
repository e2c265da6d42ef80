import t from 'tap';
import { withPglite } from '../support/databases.ts';
import { fuzz } from '../support/hostile/fuzz.ts';

/*
 * Property: whatever a client sends to any route — every parameter and body field of the
 * served OpenAPI document set to hostile values (NUL, lone surrogates, Infinity, 1e309, -0,
 * huge numbers, years 0 and 10000, long strings, __proto__, wrong types…), hostile import
 * files and broken uploads — the answer is below 500, a 4xx carries the error envelope, and a
 * refused write changes nothing in the catalog. On PGlite, one database for the file. The
 * seed is printed: FUZZ_SEED=<seed> reproduces a run; `npm run fuzz:pg` runs every value on
 * PostgreSQL.
 */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

t.test(`hostile input on every route is a 4xx with the envelope (seed ${seed})`, async (t) => {
  const database = await withPglite(t);
  const run = await fuzz(database, seed, { valuesPerField: 2, imports: 20 });
  t.comment(`seed ${seed}: ${run.requests} requests, statuses ${JSON.stringify(run.statuses)}`);
  t.same(run.failures, [], `seed ${seed}: no 5xx, every 4xx with the envelope, refused writes change nothing`);
});
