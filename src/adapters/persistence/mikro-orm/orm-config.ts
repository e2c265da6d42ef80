import { fileURLToPath } from 'node:url';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Options } from '@mikro-orm/core';
import { CompiledQuery, type DatabaseConnection } from 'kysely';
import { Migrator } from '@mikro-orm/migrations';
import { PgliteDriver } from '@mikro-orm/pglite';
import { PostgreSqlDriver, type AbstractSqlDriver } from '@mikro-orm/postgresql';
import { WORD_SIMILARITY_THRESHOLD } from '../../../domain/search-text.ts';
import { castingWorkflowEntities } from './casting-workflow-entities.ts';
import { catalogEntities } from './catalog-entities.ts';
import { identityEntities } from './identity-entities.ts';
import { preparingStatementsOn } from './prepared-statements.ts';

export interface OrmSettings {
  /** postgres://… ; unset → PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  debug?: boolean;
  /** PostgreSQL: named prepared statements (default true); false only to measure without them. */
  preparedStatements?: boolean;
}

export const MIGRATIONS_PATH = fileURLToPath(new URL('./migrations', import.meta.url));

/** One configuration for the app and the MikroORM CLI: PostgreSQL when a URL is given, else PGlite. */
/** Options of MikroORM on a SQL driver: the repositories query through its Kysely integration. */
export type SqlOrmOptions = Partial<Options<AbstractSqlDriver>>;

/**
 * Every connection (pool member or PGlite's one session) matches typos at the threshold the
 * search rules name: `<%` reads it from pg_trgm.word_similarity_threshold (default 0.6,
 * which misses one changed letter in the middle of an eight-letter word). Once per connection.
 */
async function withSearchSettings(connection: unknown): Promise<void> {
  const setting = `set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`;
  await (connection as DatabaseConnection).executeQuery(CompiledQuery.raw(setting));
}

export function ormConfig(settings: OrmSettings): SqlOrmOptions {
  const common = {
    entities: [...catalogEntities, ...identityEntities, ...castingWorkflowEntities],
    extensions: [Migrator],
    debug: settings.debug ?? false,
    onCreateConnection: withSearchSettings,
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
    // Every parameterised statement runs as a named prepared statement (prepared-statements.ts).
    const driverOptions = settings.preparedStatements === false ? {} : { onPoolCreated: preparingStatementsOn };
    return { ...common, driver: PostgreSqlDriver, clientUrl: settings.databaseUrl, driverOptions };
  }
  // PGlite keeps its cluster in dataDir; pg_trgm and unaccent (search) ship with PGlite but must be loaded explicitly.
  return { ...common, driver: PgliteDriver, dbName: settings.dataDir, driverOptions: { extensions: { pg_trgm, unaccent } } };
}
