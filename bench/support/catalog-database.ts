import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freshDatabase } from './seed.ts';
import { databaseUrlOf, moviesIn, seedMoviesInSql } from './seed-catalog-sql.ts';

const run = promisify(execFile);

/** Applies Marquee's migrations to `databaseUrl` (the CLI every deployment runs). */
async function migrate(databaseUrl: string): Promise<void> {
  await run(process.execPath, ['src/infrastructure/cli/migrate.ts'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

/**
 * A database of `count` generated movies, seeded once and reused by later runs (a million
 * movies take minutes to seed and index). Migrations run every time, so a migration that
 * landed since the seed (a new index) is applied before measuring.
 */
export async function catalogDatabase(adminUrl: string, name: string, count: number): Promise<string> {
  const url = databaseUrlOf(adminUrl, name);
  if ((await moviesIn(adminUrl, name)) === count) {
    console.log(`reusing ${name} (${count} movies)`);
  } else {
    await freshDatabase(adminUrl, name);
    await migrate(url);
    console.log(`seeding ${count} movies into ${name}…`);
    const started = performance.now();
    await seedMoviesInSql(url, count);
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await migrate(url);
  return url;
}
