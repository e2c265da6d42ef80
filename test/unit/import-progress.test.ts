import t from 'tap';
import { ImportProgress, type ProgressOptions } from '../../src/infrastructure/cli/import-progress.ts';

/* What `npm run import` tells about itself while it runs (the CLI e2e is test/e2e/import-progress.test.ts). */

function harness(terminal: boolean) {
  const clock = { ms: 0 };
  const output: string[] = [];
  const options: ProgressOptions = { terminal, everyMs: 5_000, write: (text) => void output.push(text), now: () => clock.ms };
  return { clock, output, progress: new ImportProgress(10 * 1_048_576, options) };
}

/** Feeds `rows` records of `bytesEach`, advancing the clock `msEach` per row. */
async function feed(h: ReturnType<typeof harness>, rows: number, bytesEach: number, msEach: number) {
  async function* chunks() {
    for (let i = 0; i < rows; i++) yield new Uint8Array(bytesEach);
  }
  async function* records() {
    for await (const chunk of h.progress.bytesOf(chunks())) {
      h.clock.ms += msEach;
      yield chunk;
    }
  }
  for await (const _ of h.progress.rowsOf(records())) void _;
}

t.test('off a terminal: a line at the first row, then one every few seconds, the rate counted from the first row', async (t) => {
  const h = harness(false);
  h.clock.ms = 30_000; // opening the database took 30 s: not import time
  t.same(h.output, [], 'nothing before the first row');
  await feed(h, 12_000, 524, 1); // 12,000 rows in 12 s, 6 MB
  t.match(h.output[0], /^import: first row \d+\.\d\d s after the process started\n$/, 'the first row is announced');
  const periodic = h.output.slice(1);
  t.equal(periodic.length, 2, 'one line per 5 s of import');
  t.match(periodic[0], /^import: 5,001 rows, 2\.5 of 10\.0 MB read \(24%\), 1,000 rows\/s over 5\.0 s\n$/, 'rows, bytes and a true rate');
  h.progress.done();
  t.match(h.output.at(-1), /^import: 12,000 rows, 6\.0 of 10\.0 MB read \(59%\), 1,000 rows\/s over 12\.0 s; all rows read, committing\n$/);
  t.notMatch(h.output.join(''), /\r/, 'no carriage returns in a log');
});

t.test('on a terminal: one bar redrawn in place, ended by a newline', async (t) => {
  const h = harness(true);
  await feed(h, 3, 1_048_576, 6_000);
  h.progress.done();
  t.ok(
    h.output.slice(0, -1).every((text) => text.startsWith('\r[')),
    'redraws',
  );
  t.match(h.output.at(-2), /^\r\[#{9}\.{21}\] 3 rows, 3\.0 of 10\.0 MB read \(30%\), 0 rows\/s/);
  t.equal(h.output.at(-1), '\n');
});

t.test('an import that took no row says nothing', async (t) => {
  const h = harness(false);
  await feed(h, 0, 0, 0);
  h.progress.done();
  t.same(h.output, []);
});
