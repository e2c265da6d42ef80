import t, { type Test } from 'tap';
import { movieRecords } from '../../src/adapters/imports/movie-records.ts';
import { InMemoryImportJobRepository } from '../../src/adapters/persistence/in-memory/in-memory-import-job-repository.ts';
import { mikroOrmImportAdapters } from '../../src/adapters/persistence/mikro-orm/mikro-orm-import-adapters.ts';
import { MikroOrmImportJobRepository } from '../../src/adapters/persistence/mikro-orm/mikro-orm-import-job-repository.ts';
import { CreateImportJob } from '../../src/application/imports/create-import-job.ts';
import { ImportMovies } from '../../src/application/imports/import-movies.ts';
import type { Database } from '../../src/infrastructure/database.ts';
import { truncateCatalog, onEachDatabase, sqlOf } from '../support/databases.ts';
import { importJobRepositoryContract } from './import-job-repository.contract.ts';

t.test('in-memory', async (t) => importJobRepositoryContract(t, async () => new InMemoryImportJobRepository()));

onEachDatabase(t, (t, database, kind) => {
  importJobRepositoryContract(t, async () => {
    await sqlOf(database).query('truncate table import_job restart identity');
    return mikroOrmImportAdapters(database.orm).importJobs;
  });
  t.test('a whole import through ImportMovies: progress while the transaction is open, final state after', (t) =>
    wholeImport(t, database, kind),
  );
});

const clock = { now: () => new Date() };

async function wholeImport(t: Test, database: Database, kind: 'PGlite' | 'PostgreSQL'): Promise<void> {
  await truncateCatalog(database);
  const { movieImportStore, importJobs } = mikroOrmImportAdapters(database.orm);
  // Another instance reads the same table: on PostgreSQL it sees progress live.
  const elsewhere = new MikroOrmImportJobRepository(database.orm, 'database');
  const importMovies = new ImportMovies(movieImportStore, importJobs, clock, { batchSize: 100 });
  const jobId = await new CreateImportJob(importJobs, clock).execute({ mode: 'partial', dryRun: false });
  const seen: number[] = [];
  async function* records() {
    for (let i = 0; i < 450; i++) {
      if (i > 0 && i % 100 === 0) {
        seen.push((await importJobs.findById(jobId))!.report.inserted);
        if (kind === 'PostgreSQL') seen.push((await elsewhere.findById(jobId))!.report.inserted);
      }
      yield i === 7 ? { title: '' } : { title: `Movie ${i}` };
    }
  }
  const report = await importMovies.execute({ jobId, records: movieRecords(records()), mode: 'partial', dryRun: false });
  t.match(report, { received: 450, inserted: 449, failed: 1 });
  // Batches of 100 valid rows: when row 200 is read, rows 1–100 (one invalid) are not all flushed yet.
  const live = kind === 'PostgreSQL' ? [0, 0, 100, 100, 200, 200, 300, 300] : [0, 100, 200, 300];
  t.same(seen, live, 'progress was readable while the import ran');
  t.match(await elsewhere.findById(jobId), { state: 'succeeded', report: { inserted: 449, failed: 1, errors: [{ row: 8 }] } });
}
