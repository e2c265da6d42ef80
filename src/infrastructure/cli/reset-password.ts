import '../compile-cache.ts'; // first: the modules after it load from the compile cache
import { loadDotEnv } from '../dot-env.ts';
import { runCli, withUseCases } from './account-cli.ts';
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
  const user = await withUseCases((useCases) => useCases.resetPassword.execute({ username, password }));
  console.log(`new password set for user ${user.id}: ${user.username}; all their sessions have ended`);
}

await runCli(main);
