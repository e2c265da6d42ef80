import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { freshPgliteDir } from '../support/pglite-template.ts';

/* `npm run import` in a script or CI (stderr not a terminal): it says what it does, in plain lines. */

const IMPORT = fileURLToPath(new URL('../../src/infrastructure/cli/import.ts', import.meta.url));
const ROWS = 2_000;

function runImport(file: string, dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [IMPORT, file], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 100_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

t.test('off a terminal: the start-up steps, the first row, and rows, bytes and rate as plain lines on stderr', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-import-progress-'));
  const dataDir = await freshPgliteDir('marquee-import-progress-data-');
  t.teardown(() => [dir, dataDir].forEach((path) => rmSync(path, { recursive: true, force: true })));
  const file = join(dir, 'movies.ndjson');
  const rows = Array.from({ length: ROWS }, (_, i) => JSON.stringify({ title: `Generated ${i}`, director: `Director ${i % 50}` }));
  writeFileSync(file, `${rows.join('\n')}\n`);

  const run = await runImport(file, dataDir);
  t.equal(run.status, 0, run.stderr);
  t.match(JSON.parse(run.stdout), { inserted: ROWS }, 'the report on stdout');
  const lines = run.stderr.trimEnd().split('\n');
  t.match(lines, [
    /^Opening the database: PGlite in /,
    /^Database opened: PGlite in .* in \d+\.\d\d s$/,
    /^Migrations: none pending/,
    /^import: first row \d+\.\d\d s after the process started$/,
  ]);
  t.match(lines.at(-1), /^import: 2,000 rows, 0\.\d of 0\.\d MB read \(100%\), [\d,]+ rows\/s over \d+\.\d s; all rows read, committing$/);
  t.notMatch(run.stderr, /\r/, 'no bar redrawn with carriage returns');
});
