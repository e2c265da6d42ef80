import t from 'tap';
import { movieRecords } from '../../../src/adapters/imports/movie-records.ts';
import { parseImport } from '../../../src/adapters/imports/parse-import.ts';
import { InMemoryImportJobRepository } from '../../../src/adapters/persistence/in-memory/in-memory-import-job-repository.ts';
import { InMemoryMovieImportStore } from '../../../src/adapters/persistence/in-memory/in-memory-movie-import-store.ts';
import { InMemoryMovieRepository } from '../../../src/adapters/persistence/in-memory/in-memory-movie-repository.ts';
import { InMemoryStore } from '../../../src/adapters/persistence/in-memory/in-memory-store.ts';
import { CreateImportJob } from '../../../src/application/imports/create-import-job.ts';
import { GetImportJob } from '../../../src/application/imports/get-import-job.ts';
import { ImportMovies } from '../../../src/application/imports/import-movies.ts';
import type { MovieImportStore } from '../../../src/application/ports/movie-import-store.ts';
import { ImportRejectedError, ImportSyntaxError } from '../../../src/domain/import-errors.ts';
import type { ImportMode } from '../../../src/domain/import-job.ts';
import { chunked, failure, imdbStream } from './support.ts';

class MovingClock {
  time = new Date('2026-01-01T00:00:00Z').getTime();
  now = () => new Date(this.time);
}

function setup(storeFor: (store: InMemoryStore) => MovieImportStore = (s) => new InMemoryMovieImportStore(s), batchSize = 100) {
  const store = new InMemoryStore();
  const jobs = new InMemoryImportJobRepository();
  const clock = new MovingClock();
  const importMovies = new ImportMovies(storeFor(store), jobs, clock, { batchSize, errorCap: 3 });
  const create = new CreateImportJob(jobs, clock);
  const getJob = new GetImportJob(jobs, clock, { staleAfterMs: 60_000 });
  const run = async (records: AsyncIterable<unknown>, mode: ImportMode = 'atomic', dryRun = false) => {
    const jobId = await create.execute({ mode, dryRun });
    return { jobId, report: importMovies.execute({ jobId, records: movieRecords(records), mode, dryRun }) };
  };
  const imdb = () => parseImport(imdbStream(), { format: 'json', maxBytes: 1e8, maxRows: 1e6 });
  return { store, clock, run, getJob, imdb, movies: new InMemoryMovieRepository(store) };
}

const rows = (...records: unknown[]) =>
  (async function* () {
    yield* records;
  })();

t.test('the IMDb file imports whole; a second import changes nothing', async (t) => {
  const { store, run, getJob, imdb, movies } = setup();
  const first = await run(imdb());
  t.match(await first.report, { received: 248, inserted: 248, updated: 0, unchanged: 0, failed: 0, errors: [] });
  t.equal(store.movies.size, 248);
  t.equal((await movies.genres()).length, 28, '28 distinct trimmed genres');
  t.ok((await movies.genres()).every((g) => g.name === g.name.trim()));
  const batmans = [...store.movies.values()]
    .filter((m) => m.title === 'Batman')
    .map((m) => m.director)
    .sort();
  t.same(batmans, ['Oscar Rudolph', 'Tim Burton']);
  t.match(await getJob.execute({ id: first.jobId }), { state: 'succeeded', report: { inserted: 248 }, finishedAt: Date });
  const second = await run(imdb());
  t.match(await second.report, { received: 248, inserted: 0, updated: 0, unchanged: 248, failed: 0 });
  t.equal(store.movies.size, 248);
});

t.test('a changed row updates its movie; a later duplicate in the file wins', async (t) => {
  const { store, run } = setup();
  await (
    await run(rows({ title: 'Heat', director: 'Michael Mann', imdb_score: 8 }))
  ).report;
  const id = [...store.movies.keys()][0];
  const report = await (
    await run(
      rows(
        { title: 'HEAT', director: 'michael mann', imdb_score: 8.3 },
        { title: 'Alien', imdb_score: 8 },
        { title: 'alien', imdb_score: 8.5 },
      ),
    )
  ).report;
  t.match(report, { received: 3, inserted: 1, updated: 2, unchanged: 0 });
  t.match(store.movies.get(id as number), { title: 'HEAT', imdbScore: 8.3, version: 2 });
  t.same(
    [...store.movies.values()].map((m) => [m.title, m.imdbScore]),
    [
      ['HEAT', 8.3],
      ['alien', 8.5],
    ],
  );
});

const mixed = () =>
  rows(
    { title: 'Good' },
    { title: '', imdb_score: 11 },
    { title: 'Also good' },
    'not a record',
    { title: 'Third' },
    { name: 5 },
    { name: 'x', rating: 1 },
  );

t.test('atomic: one bad row and nothing is stored; the error carries the report', async (t) => {
  const { store, run, getJob } = setup();
  const { jobId, report } = await run(mixed());
  const error = await failure(report);
  t.type(error, ImportRejectedError);
  t.match(error, { kind: 'validation', code: 'IMPORT_REJECTED' });
  t.match(error.report, { received: 7, inserted: 3, failed: 4 }, 'counts say what would have happened');
  t.same(
    (error.report as { errors: unknown[] }).errors,
    [
      { row: 2, path: '/title', message: 'title must be 1–200 characters' },
      { row: 2, path: '/imdb_score', message: 'imdb_score must be between 0 and 10' },
      { row: 4, path: '', message: 'a record must be an object' },
    ],
    'row errors are capped (at 3 here); the failed count is exact',
  );
  t.equal(store.movies.size, 0);
  t.match(await getJob.execute({ id: jobId }), { state: 'failed', failure: { code: 'IMPORT_REJECTED' } });
});

t.test('partial stores the valid rows; dry run stores nothing', async (t) => {
  const { store, run } = setup();
  t.match(await (await run(mixed(), 'partial', true)).report, { received: 7, inserted: 3, failed: 4 });
  t.equal(store.movies.size, 0, 'dry run');
  t.match(await (await run(mixed(), 'partial')).report, { received: 7, inserted: 3, failed: 4 });
  t.same(
    [...store.movies.values()].map((m) => m.title),
    ['Good', 'Also good', 'Third'],
  );
  t.match(await (await run(rows({ title: 'Good', imdb_score: 1 }), 'atomic', true)).report, { updated: 1 });
  t.equal([...store.movies.values()][0]?.imdbScore, null, 'a dry-run update is not stored');
});

t.test('a failure mid-import leaves the catalog as it was and the job failed', async (t) => {
  let batches = 0;
  const { store, run, getJob, imdb } = setup((s) => {
    const real = new InMemoryMovieImportStore(s);
    return {
      transaction: (work) =>
        real.transaction((tx) =>
          work({
            upsertBatch: async (movies) => {
              if (++batches === 2) throw new Error('connection lost');
              return tx.upsertBatch(movies);
            },
          }),
        ),
    };
  });
  await (
    await run(rows({ title: 'Kept', imdb_score: 5 }))
  ).report;
  batches = 0;
  const before = [...store.movies.values()];
  const { jobId, report } = await run(imdb());
  t.match(await failure(report), { message: 'connection lost' });
  t.same([...store.movies.values()], before, 'batch 1 was rolled back');
  t.match(await getJob.execute({ id: jobId }), { state: 'failed', failure: { code: 'IMPORT_FAILED' } });
});

t.test('a syntax error at the end of the file stores nothing, even in partial mode', async (t) => {
  const { store, run } = setup();
  const text = '{"title":"A"}\n'.repeat(250) + '{"title":\n';
  const records = parseImport(chunked(text, 100), { format: 'ndjson', maxBytes: 1e6, maxRows: 1e6 });
  t.type(await failure((await run(records, 'partial')).report), ImportSyntaxError);
  t.equal(store.movies.size, 0);
});

t.test('progress is visible while running; a job whose heartbeat stopped shows as failed', async (t) => {
  const { clock, run, getJob } = setup(undefined, 10);
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  async function* slow() {
    for (let i = 0; i < 25; i++) yield { title: `M${i}` };
    await gate;
  }
  const { jobId, report } = await run(slow(), 'partial');
  await new Promise((resolve) => setImmediate(resolve));
  t.match(await getJob.execute({ id: jobId }), { state: 'running', report: { received: 20, inserted: 20 } });
  clock.time += 61_000;
  t.match(await getJob.execute({ id: jobId }), { state: 'failed', failure: { code: 'IMPORT_ABANDONED' } });
  release();
  t.match(await report, { inserted: 25 });
  t.match(await getJob.execute({ id: jobId }), { state: 'succeeded' });
  t.match(await failure(getJob.execute({ id: 999 })), { kind: 'not_found' });
});
