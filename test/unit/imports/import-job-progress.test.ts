import t from 'tap';
import { emptyReport, type ImportJob, progressOf } from '../../../src/domain/import-job.ts';

const at = (time: string) => new Date(`2026-03-01T${time}Z`);
const job = (changes: Partial<ImportJob>): ImportJob => ({
  id: 1,
  mode: 'atomic',
  dryRun: false,
  state: 'running',
  report: { ...emptyReport(), received: 5000, inserted: 3000, updated: 900, unchanged: 100, failed: 1000 },
  bytesRead: 25_000_000,
  bytesTotal: 100_000_000,
  failure: null,
  startedAt: at('10:00:00'),
  heartbeatAt: at('10:00:10'),
  finishedAt: null,
  ...changes,
});

t.test('a quarter read in 10 s: 30 s left at that rate; rows/s and rows stored from the counts', async (t) => {
  t.same(progressOf(job({})), { rowsStored: 4000, rowsPerSecond: 500, secondsLeft: 30 });
});

t.test('no estimate without a known size, before any byte or report, or once the import ended', async (t) => {
  t.equal(progressOf(job({ bytesTotal: null })).secondsLeft, null, 'size unknown');
  t.equal(progressOf(job({ bytesRead: 0 })).secondsLeft, null, 'nothing read yet');
  t.match(progressOf(job({ heartbeatAt: at('10:00:00') })), { rowsPerSecond: null, secondsLeft: null }, 'no report yet');
  t.equal(progressOf(job({ state: 'succeeded', finishedAt: at('10:00:10') })).secondsLeft, null, 'ended');
  t.equal(progressOf(job({ bytesRead: 120_000_000 })).secondsLeft, 0, 'more read than announced: none left, never negative');
});
