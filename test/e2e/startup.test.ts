import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { bearerFor, E2E_ADMIN } from '../support/auth.ts';
import { startChildServer } from '../support/server.ts';

const MAIN = fileURLToPath(new URL('../../src/infrastructure/main.ts', import.meta.url));

t.test('a bad variable stops the process with one line naming it', async (t) => {
  const run = spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH, PORT: '70000' }, encoding: 'utf8', timeout: 30_000 });
  t.equal(run.status, 1, 'exit code 1');
  t.equal(run.stderr, 'Invalid configuration: PORT must be an integer from 1 to 65535 (got "70000")\n', 'one line on stderr');
});

t.test('DEMO_DATA=true fills an empty catalog once, and a restart keeps it as it is', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-demo-'));
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
  }
  t.same(totals, [38, 38], 'the second start loaded nothing more');
});
