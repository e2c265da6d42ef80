import type { SqlOrm } from './kysely-database.ts';
import { MikroOrmActorAvailability } from './mikro-orm-actor-availability.ts';
import { MikroOrmAuditionRepository } from './mikro-orm-audition-repository.ts';
import { MikroOrmCastingDesk } from './mikro-orm-casting-desk.ts';
import { MikroOrmRoleRepository } from './mikro-orm-role-repository.ts';
import { MikroOrmActorRepository } from './mikro-orm-actor-repository.ts';
import { MikroOrmCastingRepository } from './mikro-orm-casting-repository.ts';
import { MikroOrmMovieRepository } from './mikro-orm-movie-repository.ts';

export { MikroOrmActorRepository, MikroOrmCastingRepository, MikroOrmMovieRepository };
export { ormConfig, type OrmSettings, type SqlOrmOptions } from './orm-config.ts';
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

/** The casting workflow's adapters: reads through the ORM's Kysely, changes in its transactions. */
export function mikroOrmCastingWorkflow(orm: SqlOrm, options: { countCap?: number } = {}) {
  return {
    roles: new MikroOrmRoleRepository(orm),
    auditions: new MikroOrmAuditionRepository(orm),
    castingDesk: new MikroOrmCastingDesk(orm),
    availability: new MikroOrmActorAvailability(orm, options.countCap),
  };
}
