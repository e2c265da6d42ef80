import { ormConfig } from './src/adapters/persistence/mikro-orm/orm-config.ts';
import { lockForOrmCli } from './src/infrastructure/cli/orm-cli-lock.ts';

/** The MikroORM CLI's view of the same configuration the app builds (see src/infrastructure/database.ts). */
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || './data';
// PGlite's directory belongs to one process (data-dir-lock.ts), the CLI included.
if (!databaseUrl) lockForOrmCli(dataDir);

export default ormConfig({ databaseUrl, dataDir, debug: process.env.LOG_LEVEL === 'debug' });
