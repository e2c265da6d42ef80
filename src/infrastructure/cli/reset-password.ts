import '../compile-cache.ts'; // first: the modules after it load from the compile cache
import { refuseIfHeld } from '../data-dir-lock.ts';
import { toStderr } from '../startup-steps.ts';
import { loadDotEnv } from '../dot-env.ts';
import { readPassword } from './password-input.ts';

/*
 * `npm run user:password -- <username>`: a new password for a user — for an admin who is
 * locked out or forgot theirs — in DATABASE_URL (or PGlite in DATA_DIR, when no server holds it;
 * both also from .env).
 * Every session of that user ends. The password comes from MARQUEE_PASSWORD or stdin.
 */

const USAGE = `usage: npm run user:password -- <username>
password: MARQUEE_PASSWORD=… or on stdin (first line)`;

async function main(): Promise<void> {
  loadDotEnv();
  const [username, ...rest] = process.argv.slice(2);
  if (!username || rest.length > 0 || username.startsWith('-')) throw new Error(USAGE);
  const password = await readPassword(USAGE);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  if (!databaseUrl) refuseIfHeld(dataDir); // a running server holds PGlite: refused at once, before loading the database code
  const [{ buildUseCases }, { openDatabase }] = await Promise.all([import('../container.ts'), import('../database.ts')]);
  const database = await openDatabase({ databaseUrl, dataDir, log: toStderr });
  try {
    const user = await buildUseCases(database.repositories).resetPassword.execute({ username, password });
    console.log(`new password set for user ${user.id}: ${user.username}; all their sessions have ended`);
  } finally {
    await database.close();
  }
}

try {
  await main();
} catch (error) {
  // Domain errors (unknown user, weak password) and a held DATA_DIR already name the problem in their message.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
