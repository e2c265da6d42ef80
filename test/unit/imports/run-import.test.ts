import t from 'tap';
import { readMovieRecord } from '../../../src/adapters/imports/movie-records.ts';
import { InMemoryImportJobRepository } from '../../../src/adapters/persistence/in-memory/in-memory-import-job-repository.ts';
import { InMemoryMovieImportStore } from '../../../src/adapters/persistence/in-memory/in-memory-movie-import-store.ts';
import { InMemoryStore } from '../../../src/adapters/persistence/in-memory/in-memory-store.ts';
import { RunImport } from '../../../src/application/imports/run-import.ts';
import { ImportRejectedError } from '../../../src/domain/import-errors.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };

async function* rows(...records: unknown[]) {
  yield* records.map(readMovieRecord);
}

function runner() {
  const jobs = new InMemoryImportJobRepository();
  return { jobs, run: new RunImport(new InMemoryMovieImportStore(new InMemoryStore()), jobs, clock) };
}

t.test('an import registers its job before reading a row and ends it with the report', async (t) => {
  const { jobs, run } = runner();
  const seen: number[] = [];
  const result = await run.execute({ records: rows({ title: 'Heat' }), mode: 'atomic', dryRun: false, started: (id) => seen.push(id) });
  t.same(seen, [result.jobId]);
  t.match(result.report, { received: 1, inserted: 1, failed: 0 });
  t.match(await jobs.findById(result.jobId), { state: 'succeeded', report: { inserted: 1 } });
});

t.test('a rejected atomic import throws with its report; the job it started has failed', async (t) => {
  const { jobs, run } = runner();
  let jobId = 0;
  const rejected = run.execute({ records: rows({ title: '' }), mode: 'atomic', dryRun: false, started: (id) => (jobId = id) });
  await t.rejects(rejected, ImportRejectedError);
  t.match(await jobs.findById(jobId), { state: 'failed', report: { failed: 1 } });
});
