import '../compile-cache.ts'; // first: the modules after it load from the compile cache
import { parseArgs } from 'node:util';
import { isRole, ROLES, type Role } from '../../domain/permissions.ts';
import { refuseIfHeld } from '../data-dir-lock.ts';
import { toStderr } from '../startup-steps.ts';
import { loadDotEnv } from '../dot-env.ts';
import { readPassword } from './password-input.ts';

/*
 * `npm run user:create -- --username ann --role admin [--name "Ann Lee"]`: creates a user with
 * any role in DATABASE_URL (or PGlite in DATA_DIR; both also from .env). The password comes from MARQUEE_PASSWORD
 * or the first line of stdin — never from the command line, where `ps` and shell history see it.
 */

const USAGE = `usage: npm run user:create -- --username <name> --role <${ROLES.join('|')}> [--name <display name>]
password: MARQUEE_PASSWORD=… or on stdin (first line)`;

interface Args {
  username: string;
  role: Role;
  name: string;
}

function readArgs(): Args {
  const { values } = parseArgs({ options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  if (!values.username || !values.role || !isRole(values.role)) throw new Error(USAGE);
  return { username: values.username, role: values.role, name: values.name ?? values.username };
}

async function main(): Promise<void> {
  loadDotEnv();
  const args = readArgs();
  const password = await readPassword(USAGE);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  if (!databaseUrl) refuseIfHeld(dataDir); // before loading the database code: refused at once
  const [{ buildUseCases }, { openDatabase }] = await Promise.all([import('../container.ts'), import('../database.ts')]);
  const database = await openDatabase({ databaseUrl, dataDir, log: toStderr });
  try {
    const useCases = buildUseCases(database.repositories);
    const user = await useCases.createUser.execute({ ...args, password });
    console.log(`created user ${user.id}: ${user.username} (${user.role})`);
  } finally {
    await database.close();
  }
}

try {
  await main();
} catch (error) {
  // Domain errors (taken username, weak password) and a held DATA_DIR already say everything in their message.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
