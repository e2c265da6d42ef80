import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { freshPgliteDir } from '../support/pglite-template.ts';
import { needsPostgres, TEST_DATABASE_URL } from '../support/services.ts';
import { freshPostgresDatabase } from './postgres.ts';
import { signalGroup, spawnInGroup } from '../support/processes.ts';
import { freePort, startChildServer } from '../support/server.ts';

const MAIN = fileURLToPath(new URL('../../src/infrastructure/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

t.test('a bad variable stops the process with one line naming it', async (t) => {
  const run = spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH, PORT: '70000' }, encoding: 'utf8', timeout: 30_000 });
  t.equal(run.status, 1, 'exit code 1');
  t.equal(run.stderr, 'Invalid configuration: PORT must be an integer from 1 to 65535 (got "70000")\n', 'one line on stderr');
});

t.test('DATABASE_URL without JWT_SECRET: the server creates DATA_DIR for the secret private (0700)', needsPostgres, async (t) => {
  const umask = process.umask(0o022); // inherited by the server: a plain mkdir would give 0755
  t.teardown(() => void process.umask(umask));
  const database = await freshPostgresDatabase(TEST_DATABASE_URL!, 'datadir');
  const parent = mkdtempSync(join(tmpdir(), 'marquee-datadir-'));
  t.teardown(async () => {
    rmSync(parent, { recursive: true, force: true });
    await database.drop();
  });
  const dataDir = join(parent, 'data');
  const server = await startChildServer({ DATABASE_URL: database.url, DATA_DIR: dataDir });
  t.equal(await server.stop(), 0, 'a clean start and stop');
  t.equal(statSync(dataDir).mode & 0o777, 0o700, 'DATA_DIR is private to its owner');
  t.equal(statSync(join(dataDir, 'jwt-secret')).mode & 0o777, 0o600, 'and so is the secret');
});

t.test('DEMO_DATA=true fills an empty catalog once, and a restart keeps it as it is', async (t) => {
  const dataDir = await freshPgliteDir('marquee-demo-');
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const totals: number[] = [];
  for (const run of ['first start', 'restart']) {
    const server = await startChildServer({ DATA_DIR: dataDir, DEMO_DATA: 'true', ...E2E_ADMIN });
    const headers = await bearerFor(server.url);
    const body = (await (await fetch(`${server.url}/movies?director=quentin%20tarantino&sort=release_date.asc`, { headers })).json()) as {
      movies: unknown;
    };
    t.match(
      body.movies,
      [{ title: 'Pulp Fiction' }, { title: 'Kill Bill: Vol. 1' }, { title: 'Inglourious Basterds' }],
      `${run}: Tarantino films in order`,
    );
    totals.push(((await (await fetch(`${server.url}/movies?limit=1`, { headers })).json()) as { total: number }).total);
    t.equal(await server.stop(), 0, `${run}: clean exit`);
    const demoLine =
      run === 'first start' ? /"msg":"Demo data loaded: \d+ movies/ : /"msg":"Demo data skipped: the catalog already has movies"/;
    t.match(server.output(), demoLine, `${run}: the demo data step is logged`);
  }
  t.ok(totals[0]! >= 38, `the demo catalog (${totals[0]} movies)`);
  t.equal(totals[1], totals[0], 'the second start loaded nothing more');
});

t.test('SIGTERM sent to `npm start` (as a process manager does) reaches the server: graceful, exit 0', async (t) => {
  const dataDir = await freshPgliteDir('marquee-npm-start-');
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = String(await freePort());
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: port };
  const npm = spawnInGroup('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => void signalGroup(npm, 'SIGKILL')); // npm and the server it started
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  for (let waited = 0; !output.includes('Marquee listening') && waited < 60_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  npm.kill('SIGTERM');
  t.equal(await exited, 0, 'npm exits 0');
  t.match(output, /SIGTERM received: finishing in-flight requests/, 'the server shut down gracefully');
  const stillThere = await fetch(`http://127.0.0.1:${port}/health/live`).then(
    () => true,
    () => false,
  );
  t.notOk(stillThere, 'and no server is left listening');
});
