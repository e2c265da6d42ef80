import { PgliteDriver } from '@mikro-orm/pglite';
import type { SqlOrm } from './kysely-database.ts';
import { MikroOrmImportJobRepository } from './mikro-orm-import-job-repository.ts';
import { MikroOrmMovieImportStore } from './mikro-orm-movie-import-store.ts';
import { MovieEntity } from './movie-entity.ts';
import { MovieImportSql } from './movie-import-rows.ts';

export { MikroOrmImportJobRepository, MikroOrmMovieImportStore };

/**
 * The import ports on MikroORM's connection: the store holds one connection per import (its
 * transaction); the job repository writes progress on the pool (PostgreSQL) or keeps it in
 * this process while PGlite's one connection is busy with the import.
 */
export function mikroOrmImportAdapters(orm: SqlOrm) {
  const onPglite = orm.em.getDriver() instanceof PgliteDriver;
  return {
    movieImportStore: new MikroOrmMovieImportStore(orm, new MovieImportSql(orm.getMetadata().get(MovieEntity))),
    importJobs: new MikroOrmImportJobRepository(orm, onPglite ? 'memory' : 'database'),
  };
}
