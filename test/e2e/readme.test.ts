import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { freshPgliteDir } from '../support/pglite-template.ts';
import { signalGroup, spawnInGroup } from '../support/processes.ts';
import { freePort } from '../support/server.ts';
import { clientExample, runExample, typeErrors } from './readme-client.ts';

/*
 * The README's "try it" block, run as printed: its first line starts the server with npm, the
 * rest is what a user types in a second terminal. Only the port (a free one instead of 3000)
 * and DATA_DIR (a temporary one) differ from what a user gets.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(new URL('README.md', `file://${ROOT}`), 'utf8');

function tryItBlock(): { server: string; client: string } {
  const block = /<!-- try-it:[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README has no try-it block');
  const [server, ...rest] = block.trimEnd().split('\n');
  return { server: server!, client: rest.join('\n') };
}

t.test("the README's try-it commands and typed client example answer with Tarantino's films", async (t) => {
  const { server, client } = tryItBlock();
  const port = String(await freePort());
  const dataDir = await freshPgliteDir('marquee-readme-');
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: port };
  const child = spawnInGroup('bash', ['-c', server], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => void signalGroup(child, 'SIGKILL'));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !output.includes('Marquee listening') && child.exitCode === null && waited < 90_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.match(output, /Marquee listening/, 'the server started');

  const run = spawnSync('bash', ['-e', '-c', client.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  t.equal(run.status, 0, `the commands succeed (curl --fail-with-body: 200)\n${run.stderr}`);
  const body = JSON.parse(run.stdout) as { success: boolean; movies: { title: string }[] };
  t.equal(body.success, true);
  const titles = body.movies.map((movie) => movie.title);
  t.same(titles.slice(0, 3), ['Pulp Fiction', 'Kill Bill: Vol. 1', 'Inglourious Basterds'], 'oldest first');
  t.notMatch(output, /Aa1\b/, 'no demo password in the log (stdout is not a terminal)');

  const example = clientExample(README);
  t.same(typeErrors(ROOT, example), [], 'the typed client example compiles');
  const printed = runExample(ROOT, example.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`), env);
  t.equal(printed.status, 0, `the typed client example runs\n${printed.stderr}`);
  t.match(printed.stdout.split('\n').slice(0, 3), [/^1994-\d\d-\d\d Pulp Fiction$/, /Kill Bill: Vol\. 1$/, /Inglourious Basterds$/]);
});
