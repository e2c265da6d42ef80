import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { freshPgliteDir } from '../support/pglite-template.ts';
import { signalGroup, spawnInGroup } from '../support/processes.ts';
import { freePort, startChildServer } from '../support/server.ts';

/* Logs as the people who run Marquee see them: JSON lines on a pipe, readable lines on a terminal. */

const MAIN = fileURLToPath(new URL('../../src/infrastructure/main.ts', import.meta.url));
const SCRIPT = '/usr/bin/script'; // util-linux: runs a command on a pseudo-terminal

t.test('on a pipe: one pino JSON object per line, each with level, time and msg', async (t) => {
  // A copy of the migrated template: the terminal test below is the first start on an empty DATA_DIR.
  const dataDir = await freshPgliteDir('marquee-logs-');
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startChildServer({ DATA_DIR: dataDir });
  await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'log-check-1' } }).then((r) => r.arrayBuffer());
  t.equal(await server.stop(), 0);
  const lines = server.output().trim().split('\n');
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  t.ok(
    records.every((r) => typeof r.level === 'number' && typeof r.time === 'number' && typeof r.msg === 'string'),
    'every line is a pino record',
  );
  t.ok(
    records.some((r) => r.reqId === 'log-check-1'),
    'request lines carry the request id',
  );
  assertStartupSteps(
    t,
    records.map((r) => String(r.msg)),
    dataDir,
  );
});

/** One line per start-up step, in order, so a person sees what the server is doing (issue 9). */
function assertStartupSteps(t: Test, messages: string[], dataDir: string): void {
  const where = `PGlite in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
  const steps = [
    /^Marquee starting \(Node v\d+/,
    new RegExp(`^(Creating a new database|Opening the database): ${where}`),
    new RegExp(`^Database opened: ${where} in \\d+\\.\\d\\d s$`),
    /^Migrations( applied: \d+ \(Migration|: none pending)/,
    /^Demo data not loaded \(DEMO_DATA=true/,
    /^Marquee listening on http:\/\/127\.0\.0\.1:\d+ .*, \d+\.\d\d s after the process started$/,
  ];
  let from = 0;
  for (const step of steps) {
    const at = messages.findIndex((message, index) => index >= from && step.test(message));
    t.ok(at >= 0, `start-up line ${step}`, { messages });
    from = Math.max(from, at + 1);
  }
}

t.test('on a terminal: readable lines, not JSON', { skip: !existsSync(SCRIPT) && 'no script(1) here' }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-logs-tty-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = String(await freePort());
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: port, TERM: 'xterm' };
  const child = spawnInGroup(SCRIPT, ['-qec', `"${process.execPath}" "${MAIN}"`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  t.teardown(() => void signalGroup(child, 'SIGKILL'));
  for (let waited = 0; !output.includes('Marquee listening') && waited < 60_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  await exited;
  const line = output.split('\n').find((l) => l.includes('Marquee listening')) ?? '';
  t.match(line, /^\[\d\d:\d\d:\d\d\.\d{3}\] .*INFO.*: .*Marquee listening on http:\/\/127\.0\.0\.1:\d+/, 'time, level and message');
  t.notMatch(output, /"level":/, 'no JSON');
});
