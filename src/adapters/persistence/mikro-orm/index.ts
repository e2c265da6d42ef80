import { MikroOrmActorRepository } from './mikro-orm-actor-repository.ts';
import { MikroOrmCastingRepository } from './mikro-orm-casting-repository.ts';
import { MikroOrmMovieRepository } from './mikro-orm-movie-repository.ts';
import type { SqlClient } from './sql-client.ts';

export { MikroOrmActorRepository, MikroOrmCastingRepository, MikroOrmMovieRepository };
export { ormConfig, type OrmSettings } from './orm-config.ts';
export { sqlClientOf, type SqlClient } from './sql-client.ts';
export { databaseUnavailable, translateDatabaseError } from './database-errors.ts';

/** The three catalog repositories over one connection; `countCap` is a test seam for capped totals. */
export function mikroOrmRepositories(sql: SqlClient, options: { countCap?: number } = {}) {
  return {
    movies: new MikroOrmMovieRepository(sql, options.countCap),
    actors: new MikroOrmActorRepository(sql, options.countCap),
    castings: new MikroOrmCastingRepository(sql),
  };
}
