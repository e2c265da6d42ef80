import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { openDatabase } from '../../src/infrastructure/database.ts';
import { copyPgliteTemplate, freshPgliteDir } from '../support/pglite-template.ts';

/*
 * `npm run user:create`: the script as an operator runs it, on a PGlite database in a temporary
 * DATA_DIR (a copy of the migrated template: the CLI's own work, not an initdb, is under test).
 */

const SCRIPT = fileURLToPath(new URL('../../src/infrastructure/cli/create-user.ts', import.meta.url));
const dataDir = await freshPgliteDir('marquee-cli-');
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });

t.test('creates a user with the role asked for; password from stdin or MARQUEE_PASSWORD', async (t) => {
  const fromStdin = run(['--username', 'ops', '--role', 'admin', '--name', 'Ops Team'], { input: 'Secret123\n' });
  t.equal(fromStdin.status, 0, fromStdin.stderr);
  t.match(fromStdin.stdout, /created user \d+: ops \(admin\)/);
  const fromEnv = run(['--username', 'prod', '--role', 'executive_producer'], { env: { MARQUEE_PASSWORD: 'Secret123' } });
  t.equal(fromEnv.status, 0, fromEnv.stderr);
  const database = await openDatabase({ dataDir });
  t.teardown(() => database.close());
  t.match(await database.repositories.users.findByUsername('ops'), { name: 'Ops Team', role: 'admin', passwordHash: /^\$argon2id\$/ });
  t.match(await database.repositories.users.findByUsername('prod'), { role: 'executive_producer' });
});

t.test('refuses a bad role, a weak password and a missing password, exit code 1', async (t) => {
  const badRole = run(['--username', 'x1', '--role', 'king'], { input: 'Secret123\n' });
  t.equal(badRole.status, 1);
  t.match(badRole.stderr, /usage: npm run user:create/);
  const weak = run(['--username', 'x2', '--role', 'admin'], { input: 'weak\n' });
  t.equal(weak.status, 1);
  t.match(weak.stderr, /password must have/);
  const noPassword = run(['--username', 'x3', '--role', 'admin']);
  t.equal(noPassword.status, 1);
  t.match(noPassword.stderr, /no password given/);
});

t.test('user:create and migrate read .env from their working directory, as npm start does', async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'marquee-cli-dotenv-'));
  t.teardown(() => rmSync(cwd, { recursive: true, force: true }));
  const fromDotEnv = join(cwd, 'db');
  await copyPgliteTemplate(fromDotEnv);
  writeFileSync(join(cwd, '.env'), `DATA_DIR=${fromDotEnv}\nMARQUEE_PASSWORD=Secret123\n`);
  const script = (name: string) => fileURLToPath(new URL(`../../src/infrastructure/cli/${name}`, import.meta.url));
  const inCwd = (name: string, args: string[] = []) =>
    spawnSync(process.execPath, [script(name), ...args], { cwd, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 60_000 });
  const created = inCwd('create-user.ts', ['--username', 'dotenv', '--role', 'casting_director']);
  t.equal(created.status, 0, created.stderr);
  const migrated = inCwd('migrate.ts');
  t.equal(migrated.status, 0, migrated.stderr);
  t.equal(migrated.stdout, 'the database is up to date\n', 'the same database');
  const database = await openDatabase({ dataDir: fromDotEnv });
  t.teardown(() => database.close());
  t.match(await database.repositories.users.findByUsername('dotenv'), { role: 'casting_director' });
});
