import t, { type Test } from 'tap';
import { movieRecords } from '../../src/adapters/imports/movie-records.ts';
import { InMemoryImportJobRepository } from '../../src/adapters/persistence/in-memory/in-memory-import-job-repository.ts';
import { InMemoryMovieImportStore } from '../../src/adapters/persistence/in-memory/in-memory-movie-import-store.ts';
import { InMemoryMovieRepository } from '../../src/adapters/persistence/in-memory/in-memory-movie-repository.ts';
import { InMemoryStore } from '../../src/adapters/persistence/in-memory/in-memory-store.ts';
import { mikroOrmImportAdapters } from '../../src/adapters/persistence/mikro-orm/mikro-orm-import-adapters.ts';
import { CreateImportJob } from '../../src/application/imports/create-import-job.ts';
import { ImportMovies } from '../../src/application/imports/import-movies.ts';
import type { ImportJobRepository } from '../../src/application/ports/import-job-repository.ts';
import type { MovieImportStore } from '../../src/application/ports/movie-import-store.ts';
import type { MovieRepository } from '../../src/application/ports/movie-repository.ts';
import { truncateCatalog, onEachDatabase } from '../support/databases.ts';

/*
 * Files that name one movie many times, through the real use case (ImportMovies, batches of 4,
 * so repeats fall inside one batch and across batches) on every store. Each occurrence counts
 * as if the rows were applied one after another: the first against the catalog, each later one
 * against the one before it — the reports below are what the import answered before the
 * bulk path (one statement per repeat), checked on all three stores.
 */

interface Adapters {
  store: MovieImportStore;
  jobs: ImportJobRepository;
  movies: MovieRepository;
}

const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

async function importRows(adapters: Adapters, rows: unknown[]) {
  const jobId = await new CreateImportJob(adapters.jobs, clock).execute({ mode: 'partial', dryRun: false });
  const importMovies = new ImportMovies(adapters.store, adapters.jobs, clock, { batchSize: 4 });
  const records = (async function* () {
    yield* rows;
  })();
  const { errors: _errors, ...counts } = await importMovies.execute({
    jobId,
    records: movieRecords(records),
    mode: 'partial',
    dryRun: false,
  });
  return counts;
}

const stored = async (movies: MovieRepository) =>
  (await movies.list({}, { page: 1, limit: 100, sort: [{ field: 'id', direction: 'asc' }] })).items.map((m) => ({
    title: m.title,
    director: m.director,
    imdb_score: m.imdbScore,
    shoot_start: m.shootStart,
    version: m.version,
  }));

function repeatedKeys(t: Test, fresh: () => Promise<Adapters>): void {
  t.test('one movie ten times: inserted once, then unchanged', async (t) => {
    const adapters = await fresh();
    const rows = Array.from({ length: 10 }, () => ({ title: 'Solaris', director: 'Andrei Tarkovsky', imdb_score: 8 }));
    t.same(await importRows(adapters, rows), { received: 10, inserted: 1, updated: 0, unchanged: 9, failed: 0 });
    t.same(await stored(adapters.movies), [
      { title: 'Solaris', director: 'Andrei Tarkovsky', imdb_score: 8, shoot_start: null, version: 1 },
    ]);
    t.same(await importRows(adapters, rows), { received: 10, inserted: 0, updated: 0, unchanged: 10, failed: 0 }, 'again');
  });

  t.test('repeats that change the movie, in and across batches, with case-different keys', async (t) => {
    const adapters = await fresh();
    await importRows(adapters, [{ title: 'Heat', director: 'Michael Mann', imdb_score: 8 }]);
    const window = { shoot_start: '2027-05-01', shoot_end: '2027-05-31' };
    const rows = [
      { title: 'heat', director: 'michael mann', imdb_score: 8 }, // case changed: updated
      { title: 'Alien', imdb_score: 7 }, // new: inserted
      { title: 'heat', director: 'michael mann', imdb_score: 8 }, // same as before it: unchanged
      { title: 'ALIEN', imdb_score: 7 }, // updated (case)
      { title: 'Heat', director: 'Michael Mann', imdb_score: 8.3 }, // next batch: updated
      { title: 'alien', imdb_score: 7, ...window }, // window given: updated
      { title: 'Alien', imdb_score: 7 }, // title case: updated (window kept)
      { title: 'Alien', imdb_score: 7 }, // unchanged
      { title: 'heat', director: 'Michael Mann', imdb_score: 8 }, // next batch: updated
      { title: 'Heat', director: 'Michael Mann', imdb_score: 8.3 }, // updated back
      { title: 'alien', imdb_score: 7, ...window }, // updated (title case), window same
    ];
    t.same(await importRows(adapters, rows), { received: 11, inserted: 1, updated: 8, unchanged: 2, failed: 0 });
    t.same(await stored(adapters.movies), [
      { title: 'Heat', director: 'Michael Mann', imdb_score: 8.3, shoot_start: null, version: 5 },
      { title: 'alien', director: null, imdb_score: 7, shoot_start: window.shoot_start, version: 5 },
    ]);
  });

  t.test('a window first given by a repeat is compared with the stored one', async (t) => {
    const adapters = await fresh();
    const window = { shoot_start: '2027-05-01', shoot_end: '2027-05-31' };
    await importRows(adapters, [{ title: 'Ran', ...window }]);
    const rows = [{ title: 'Ran' }, { title: 'Ran', ...window }, { title: 'Ran', shoot_start: '2027-06-01', shoot_end: '2027-06-30' }];
    t.same(await importRows(adapters, rows), { received: 3, inserted: 0, updated: 1, unchanged: 2, failed: 0 });
    t.same(await stored(adapters.movies), [{ title: 'Ran', director: null, imdb_score: null, shoot_start: '2027-06-01', version: 2 }]);
  });
}

t.test('in-memory', async (t) => {
  repeatedKeys(t, async () => {
    const store = new InMemoryStore();
    return {
      store: new InMemoryMovieImportStore(store),
      jobs: new InMemoryImportJobRepository(),
      movies: new InMemoryMovieRepository(store),
    };
  });
});

onEachDatabase(t, (t, database) => {
  repeatedKeys(t, async () => {
    await truncateCatalog(database);
    const { movieImportStore, importJobs } = mikroOrmImportAdapters(database.orm);
    return { store: movieImportStore, jobs: importJobs, movies: database.repositories.movies };
  });
});
