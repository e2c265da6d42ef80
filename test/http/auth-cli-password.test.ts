import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { buildUseCases } from '../../src/infrastructure/container.ts';
import { openDatabase } from '../../src/infrastructure/database.ts';
import { fastHasher } from '../support/auth.ts';
import { freshPgliteDir } from '../support/pglite-template.ts';

/* `npm run user:password -- <username>` as an operator runs it, on a copy of the migrated PGlite template. */

const SCRIPT = fileURLToPath(new URL('../../src/infrastructure/cli/reset-password.ts', import.meta.url));
const dataDir = await freshPgliteDir('marquee-cli-password-');
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));

const reset = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });

async function passwordHashOf(username: string): Promise<string> {
  const database = await openDatabase({ dataDir });
  try {
    return (await database.repositories.users.findByUsername(username))!.passwordHash;
  } finally {
    await database.close();
  }
}

t.test('sets a new password for a user (a locked-out admin); unknown user or no username is exit code 1', async (t) => {
  const database = await openDatabase({ dataDir });
  const useCases = buildUseCases(database.repositories, { hasher: fastHasher() });
  await useCases.createUser.execute({ name: 'Boss', username: 'boss', password: 'Secret123', role: 'admin' });
  await database.close();
  const before = await passwordHashOf('boss');

  const fromStdin = reset(['BOSS'], { input: 'Changed456\n' });
  t.equal(fromStdin.status, 0, fromStdin.stderr);
  t.match(fromStdin.stdout, /new password set for user \d+: boss; all their sessions have ended/);
  const hash = await passwordHashOf('boss');
  t.not(hash, before, 'the password changed');
  t.ok(await fastHasher().verify(hash, 'Changed456'), 'to the one given');

  const unknown = reset(['nobody'], { env: { MARQUEE_PASSWORD: 'Changed456' } });
  t.equal(unknown.status, 1);
  t.match(unknown.stderr, /user nobody not found/);
  const usage = reset([]);
  t.equal(usage.status, 1);
  t.match(usage.stderr, /usage: npm run user:password -- <username>/);
});
