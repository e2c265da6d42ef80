import '../compile-cache.ts'; // first: the modules after it load from the compile cache
import { parseArgs } from 'node:util';
import { isRole, ROLES, type Role } from '../../domain/permissions.ts';
import { loadDotEnv } from '../dot-env.ts';
import { runCli, withUseCases } from './account-cli.ts';
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
  const user = await withUseCases((useCases) => useCases.createUser.execute({ ...args, password }));
  console.log(`created user ${user.id}: ${user.username} (${user.role})`);
}

await runCli(main);
