import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { freshPgliteDir } from '../support/pglite-template.ts';
import { startChildServer } from '../support/server.ts';

/*
 * The data-loss scenario of a fresh machine: the server runs on the default embedded database
 * and an operator runs a CLI on the same DATA_DIR. Every second opener is refused with one
 * line and changes nothing; a server killed with SIGKILL does not block the next start.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cli = (name: string) => join(ROOT, 'src/infrastructure/cli', name);
const dir = mkdtempSync(join(tmpdir(), 'marquee-lock-e2e-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = await freshPgliteDir('marquee-lock-e2e-data-');
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
const moviesFile = join(dir, 'movies.ndjson');
writeFileSync(moviesFile, ['Heat', 'Thief'].map((title) => JSON.stringify({ title, director: 'Michael Mann' })).join('\n'));
const env = { DATA_DIR: dataDir, ...E2E_ADMIN };

const runCli = (script: string, args: string[]) =>
  spawnSync(process.execPath, [cli(script), ...args], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, MARQUEE_PASSWORD: 'Secret123' },
    encoding: 'utf8',
    timeout: 60_000,
  });

/** `npm run migration:create` without npm: the MikroORM CLI on the project's config, as package.json runs it. */
const runMigrationCreate = () =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/@mikro-orm/cli/cli.js'), 'migration:create', '--config', './mikro-orm.config.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });

async function catalogOf(url: string): Promise<{ total: number; users: number }> {
  const headers = await bearerFor(url);
  const movies = (await (await fetch(`${url}/movies?limit=1`, { headers })).json()) as { total: number };
  const users = (await (await fetch(`${url}/users?limit=1`, { headers })).json()) as { total: number };
  return { total: movies.total, users: users.total };
}

t.test('beside a running server every CLI and a second server are refused; the catalog is unchanged', async (t) => {
  const server = await startChildServer(env);
  t.teardown(() => server.stop('SIGKILL'));
  const before = await catalogOf(server.url);
  const refusal = new RegExp(
    `^DATA_DIR ${dataDir} is in use by process ${server.child.pid} \\(the Marquee server, npm start, since [^)]+\\): .*POST /movies/import.*DATABASE_URL.*\\n$`,
  );
  const attempts = {
    'npm run import': runCli('import.ts', [moviesFile, '--mode', 'partial']),
    'npm run user:create': runCli('create-user.ts', ['--username', 'sneaky', '--role', 'admin']),
    'npm run migrate': runCli('migrate.ts', []),
    'npm run migration:create': runMigrationCreate(),
  };
  for (const [name, run] of Object.entries(attempts)) {
    t.not(run.status, 0, `${name}: non-zero exit`);
    t.match(run.stderr, refusal, `${name}: one line naming the server's pid and what to do`);
  }
  const second = await startChildServer(env).then(
    (other) => other.stop('SIGKILL').then(() => 'started'),
    (error: Error) => error.message,
  );
  t.match(second, /server exited with 1 before listening:\nMarquee could not start: DATA_DIR .* is in use by process/, 'a second server');
  t.same(await catalogOf(server.url), before, 'no movie and no user was added');
  t.equal(statSync(dataDir).mode & 0o777, 0o700, 'DATA_DIR is private to its owner');
  t.equal(statSync(join(dataDir, 'PG_VERSION')).mode & 0o777, 0o600, 'and so are its files');
  // The holder dies the hard way: its lock file stays behind, naming a dead pid.
  await server.stop('SIGKILL');
});

t.test('after the server was killed with SIGKILL, a CLI and the next start work', async (t) => {
  const imported = runCli('import.ts', [moviesFile]);
  t.equal(imported.status, 0, imported.stderr);
  t.match(JSON.parse(imported.stdout), { inserted: 2 });
  const server = await startChildServer(env);
  t.teardown(() => server.stop('SIGKILL'));
  t.match(await catalogOf(server.url), { total: 2 }, 'the import is there');
  t.equal(await server.stop(), 0, 'clean exit');
});

t.test('with no server running, migration:create opens DATA_DIR under the lock and releases it', async (t) => {
  const run = runMigrationCreate();
  t.equal(run.status, 0, run.stderr);
  t.match(run.stdout, /No changes required, schema is up-to-date/, 'the entities match the migrations');
  t.notOk(existsSync(join(dataDir, 'marquee.lock')), 'no lock left behind');
});
