import { DataDirLockedError, lockDataDir } from '../data-dir-lock.ts';

/**
 * The MikroORM CLI (`npm run migration:create` and the rest) opens PGlite in DATA_DIR like
 * any other process, so it takes the same lock first: beside a running server it is refused
 * with the one line that says what to do. Released when the CLI's process exits.
 */
export function lockForOrmCli(dataDir: string): void {
  try {
    lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
