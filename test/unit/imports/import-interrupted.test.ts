import t from 'tap';
import { movieRecords } from '../../../src/adapters/imports/movie-records.ts';
import { InMemoryImportJobRepository } from '../../../src/adapters/persistence/in-memory/in-memory-import-job-repository.ts';
import { InMemoryMovieImportStore } from '../../../src/adapters/persistence/in-memory/in-memory-movie-import-store.ts';
import { InMemoryStore } from '../../../src/adapters/persistence/in-memory/in-memory-store.ts';
import { CreateImportJob } from '../../../src/application/imports/create-import-job.ts';
import { GetImportJob } from '../../../src/application/imports/get-import-job.ts';
import { ImportMovies } from '../../../src/application/imports/import-movies.ts';
import { ImportInterruptedError } from '../../../src/domain/import-errors.ts';
import type { ImportMode } from '../../../src/domain/import-job.ts';
import { failure } from './support.ts';

/* A shutdown aborts the import's signal: whatever the mode, nothing is stored and the job fails. */

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };

/** `count` rows, then an upload that stalls for ever (a client that stopped sending). */
async function* stallingAfter(count: number, onStall: () => void): AsyncGenerator<unknown> {
  for (let i = 0; i < count; i++) yield { title: `Movie ${i}`, director: 'Someone' };
  onStall();
  await new Promise(() => {});
}

function setup() {
  const store = new InMemoryStore();
  const jobs = new InMemoryImportJobRepository();
  const importMovies = new ImportMovies(new InMemoryMovieImportStore(store), jobs, clock, { batchSize: 50 });
  const run = async (records: AsyncIterable<unknown>, mode: ImportMode, signal: AbortSignal) => {
    const jobId = await new CreateImportJob(jobs, clock).execute({ mode, dryRun: false });
    return { jobId, done: importMovies.execute({ jobId, records: movieRecords(records), mode, dryRun: false, signal }) };
  };
  return { store, run, getJob: new GetImportJob(jobs, clock, { staleAfterMs: 60_000 }) };
}

for (const mode of ['atomic', 'partial'] as const) {
  t.test(`${mode}: aborted while the upload stalls, the import rolls back and fails`, async (t) => {
    const { store, run, getJob } = setup();
    const shutdown = new AbortController();
    const { jobId, done } = await run(
      stallingAfter(120, () => shutdown.abort()),
      mode,
      shutdown.signal,
    );
    const error = await failure(done);
    t.ok(error instanceof ImportInterruptedError, 'ImportInterruptedError');
    t.match(error, { kind: 'unavailable', code: 'IMPORT_INTERRUPTED' });
    t.equal(store.movies.size, 0, 'the 100 rows already written in batches were rolled back');
    t.match(await getJob.execute({ id: jobId }), {
      state: 'failed',
      failure: { code: 'IMPORT_INTERRUPTED' },
      report: { received: 120 },
    });
  });
}

t.test('a signal aborted before the import starts stores nothing', async (t) => {
  const { store, run } = setup();
  const { done } = await run(
    stallingAfter(10, () => {}),
    'partial',
    AbortSignal.abort(),
  );
  t.match(await failure(done), { code: 'IMPORT_INTERRUPTED' });
  t.equal(store.movies.size, 0);
});

t.test('a signal that never aborts changes nothing', async (t) => {
  const { store, run } = setup();
  async function* three() {
    yield* [{ title: 'Heat' }, { title: 'Thief' }, { title: 'Manhunter' }];
  }
  const { done } = await run(three(), 'atomic', new AbortController().signal);
  t.match(await done, { received: 3, inserted: 3 });
  t.equal(store.movies.size, 3);
});
