import { ormConfig } from './src/adapters/persistence/mikro-orm/orm-config.ts';

/** The MikroORM CLI's view of the same configuration the app builds (see src/infrastructure/database.ts). */
export default ormConfig({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || './data',
  debug: process.env.LOG_LEVEL === 'debug',
});
