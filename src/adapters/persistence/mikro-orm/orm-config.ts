import { fileURLToPath } from 'node:url';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PgliteDriver } from '@mikro-orm/pglite';
import { PostgreSqlDriver, type AbstractSqlDriver } from '@mikro-orm/postgresql';
import { castingWorkflowEntities } from './casting-workflow-entities.ts';
import { catalogEntities } from './catalog-entities.ts';
import { identityEntities } from './identity-entities.ts';

export interface OrmSettings {
  /** postgres://… ; unset → PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  debug?: boolean;
}

export const MIGRATIONS_PATH = fileURLToPath(new URL('./migrations', import.meta.url));

/** One configuration for the app and the MikroORM CLI: PostgreSQL when a URL is given, else PGlite. */
/** Options of MikroORM on a SQL driver: the repositories query through its Kysely integration. */
export type SqlOrmOptions = Partial<Options<AbstractSqlDriver>>;

export function ormConfig(settings: OrmSettings): SqlOrmOptions {
  const common = {
    entities: [...catalogEntities, ...identityEntities, ...castingWorkflowEntities],
    extensions: [Migrator],
    debug: settings.debug ?? false,
    // Entity classes are the domain's own; nothing is discovered from files or decorators.
    discovery: { warnWhenNoEntities: false },
    // lower_text_array() is written by hand in the migration; schema diffs must not drop it.
    schemaGenerator: { ignoreRoutines: true },
    migrations: {
      path: MIGRATIONS_PATH,
      pathTs: MIGRATIONS_PATH,
      glob: 'Migration*.ts',
      emit: 'ts' as const,
      // migration:create diffs the entities against this snapshot, not against a database;
      // the app never rewrites it (snapshotOnMigrate), and migration:check keeps it current.
      snapshot: true,
      snapshotName: '.snapshot-marquee',
      snapshotOnMigrate: false,
      silent: true,
    },
  };
  if (settings.databaseUrl) {
    return { ...common, driver: PostgreSqlDriver, clientUrl: settings.databaseUrl };
  }
  // PGlite keeps its cluster in dataDir; pg_trgm ships with PGlite but must be loaded explicitly.
  return { ...common, driver: PgliteDriver, dbName: settings.dataDir, driverOptions: { extensions: { pg_trgm } } };
}
