import { MikroOrmImportJobRepository } from './mikro-orm-import-job-repository.ts';
import { MikroOrmMovieImportStore } from './mikro-orm-movie-import-store.ts';
import { MovieEntity } from './movie-entity.ts';
import { MovieUpsert } from './movie-import-rows.ts';
import type { SqlOrm } from './kysely-database.ts';
import { isPglite, transactionRunnerOf, type NativeClient } from './sql-transaction.ts';

export { MikroOrmImportJobRepository, MikroOrmMovieImportStore };
export type { NativeClient };

/**
 * The import ports on the driver MikroORM opened (`Database.native`): the store takes its
 * own connection per import; the job repository writes progress on the pool (PostgreSQL)
 * or keeps it in this process while PGlite's one connection is busy with the import.
 */
export function mikroOrmImportAdapters(orm: SqlOrm, native: NativeClient) {
  return {
    movieImportStore: new MikroOrmMovieImportStore(transactionRunnerOf(native), new MovieUpsert(orm.getMetadata().get(MovieEntity))),
    importJobs: new MikroOrmImportJobRepository(orm, isPglite(native) ? 'memory' : 'database'),
  };
}
