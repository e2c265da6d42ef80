import type { PGlite } from '@electric-sql/pglite';
import { MikroORM } from '@mikro-orm/core';
import type { Pool } from 'pg';
import type { AbstractSqlDriver } from '@mikro-orm/postgresql';
import {
  mikroOrmCastingWorkflow,
  mikroOrmRepositories,
  ormConfig,
  type SqlOrmOptions,
  translateDatabaseError,
  type SqlOrm,
} from '../adapters/persistence/mikro-orm/index.ts';
import { mikroOrmImportAdapters } from '../adapters/persistence/mikro-orm/mikro-orm-import-adapters.ts';
import { MikroOrmSessionRepository } from '../adapters/persistence/mikro-orm/mikro-orm-session-repository.ts';
import { MikroOrmUserRepository } from '../adapters/persistence/mikro-orm/mikro-orm-user-repository.ts';
import type { Repositories } from './container.ts';
import { holdingDataDir } from './data-dir-lock.ts';
import { allMigrationsApplied } from './pending-migrations.ts';
import { describeDatabase, isNewPgliteDir, migrationsLine, secondsSince, type StepLog } from './startup-steps.ts';

type Orm = SqlOrm;

export interface DatabaseOptions {
  /** postgres://… ; unset → PGlite persisted under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  debug?: boolean;
  /** PostgreSQL: named prepared statements (default true); false only to measure without them. */
  preparedStatements?: boolean;
  /** Apply pending migrations while opening (default true). */
  migrate?: boolean;
  /** Test seam: count list totals up to this many rows instead of TOTAL_COUNT_CAP. */
  countCap?: number;
  /**
   * PostgreSQL only: bounds on waiting for a pooled connection and for one statement, so a
   * hung or exhausted database ends in `unavailable` (503) instead of a request that never ends.
   */
  timeouts?: { connectMs: number; queryMs: number };
  /** One line per step (opening, opened, migrations), for start-up output; silent when absent. */
  log?: StepLog;
}

type CastingWorkflowKey = 'roles' | 'auditions' | 'castingDesk' | 'availability';

export interface Database {
  orm: Orm;
  /** The driver under MikroORM's Kysely (pg.Pool or PGlite): for pool statistics and tests, never for statements. */
  native: Pool | PGlite;
  repositories: Repositories & Required<Pick<Repositories, 'users' | 'sessions' | 'movieImports' | 'importJobs' | CastingWorkflowKey>>;
  /** Applies pending migrations; answers the names applied. */
  migrate(): Promise<string[]>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL (when `databaseUrl` is set) or PGlite, and the catalog repositories on it.
 * The repositories use the ORM's own pool (pg.Pool) or PGlite instance directly, so each
 * request costs one statement and no EntityManager is shared between requests.
 */
export function openDatabase(options: DatabaseOptions): Promise<Database> {
  // PGlite's directory belongs to one process: locked first, refused at once if held (data-dir-lock.ts).
  return options.databaseUrl ? openUnlocked(options) : holdingDataDir(options.dataDir, () => openUnlocked(options));
}

async function openUnlocked(options: DatabaseOptions): Promise<Database> {
  const log = options.log ?? (() => undefined);
  const where = describeDatabase(options.databaseUrl, options.dataDir);
  const created = !options.databaseUrl && isNewPgliteDir(options.dataDir);
  log(created ? `Creating a new database: ${where} (initdb, the slow part of a first start)` : `Opening the database: ${where}`);
  const startedAt = performance.now();
  const orm = await MikroORM.init<AbstractSqlDriver>(withTimeouts(ormConfig(options), options)).catch((error: unknown) => {
    throw translateDatabaseError(error);
  });
  try {
    // PostgreSqlConnection answers its pg.Pool, PgliteConnection its PGlite; the SQL driver's type says only `unknown`.
    const native = (await orm.em.getConnection().getNativeClient()) as Pool | PGlite;
    log(`Database opened: ${where} in ${secondsSince(startedAt)}`);
    const database: Database = {
      orm,
      native,
      repositories: {
        ...mikroOrmRepositories(orm, { countCap: options.countCap }),
        ...mikroOrmCastingWorkflow(orm, { countCap: options.countCap }),
        users: new MikroOrmUserRepository(orm, options.countCap),
        sessions: new MikroOrmSessionRepository(orm),
        ...importAdapters(orm),
      },
      migrate: () => migrateUp(orm),
      ping: async () => (await orm.em.getConnection().checkConnection()).ok,
      close: () => orm.close(true),
    };
    if (options.migrate !== false) await migrateLogged(database, log);
    return database;
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    // An unreachable database surfaces as DATABASE_UNAVAILABLE, never as a raw driver error.
    throw translateDatabaseError(error);
  }
}

async function migrateLogged(database: Database, log: StepLog): Promise<void> {
  const startedAt = performance.now();
  log(migrationsLine(await database.migrate(), startedAt));
}

async function migrateUp(orm: Orm): Promise<string[]> {
  if (await allMigrationsApplied(() => executedMigrations(orm))) return [];
  try {
    return (await orm.migrator.up()).map((migration) => migration.name);
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

async function executedMigrations(orm: Orm): Promise<string[]> {
  const rows = await orm.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations');
  return rows.map((row) => row.name);
}

function importAdapters(orm: Orm) {
  const { movieImportStore, importJobs } = mikroOrmImportAdapters(orm);
  return { movieImports: movieImportStore, importJobs };
}

/** `query_timeout` is enforced by the client, so it also ends statements a stalled network holds up. */
function withTimeouts(config: SqlOrmOptions, options: DatabaseOptions): SqlOrmOptions {
  if (!options.databaseUrl || !options.timeouts) return config;
  const { connectMs, queryMs } = options.timeouts;
  const bounds = { connectionTimeoutMillis: connectMs, query_timeout: queryMs, statement_timeout: queryMs };
  return { ...config, driverOptions: { ...config.driverOptions, ...bounds } };
}
