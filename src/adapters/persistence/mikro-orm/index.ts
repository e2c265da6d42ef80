import type { SqlOrm } from './kysely-database.ts';
import { MikroOrmActorRepository } from './mikro-orm-actor-repository.ts';
import { MikroOrmCastingRepository } from './mikro-orm-casting-repository.ts';
import { MikroOrmMovieRepository } from './mikro-orm-movie-repository.ts';

export { MikroOrmActorRepository, MikroOrmCastingRepository, MikroOrmMovieRepository };
export { ormConfig, type OrmSettings, type SqlOrmOptions } from './orm-config.ts';
export { sqlClientOf, type SqlClient } from './sql-client.ts';
export { databaseUnavailable, translateDatabaseError } from './database-errors.ts';
export type { SqlOrm } from './kysely-database.ts';

/** The three catalog repositories on one ORM; `countCap` is a test seam for capped totals. */
export function mikroOrmRepositories(orm: SqlOrm, options: { countCap?: number } = {}) {
  return {
    movies: new MikroOrmMovieRepository(orm, options.countCap),
    actors: new MikroOrmActorRepository(orm, options.countCap),
    castings: new MikroOrmCastingRepository(orm),
  };
}
