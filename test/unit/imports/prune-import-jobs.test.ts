import t from 'tap';
import { InMemoryImportJobRepository } from '../../../src/adapters/persistence/in-memory/in-memory-import-job-repository.ts';
import { GetImportJob } from '../../../src/application/imports/get-import-job.ts';
import { PruneImportJobs } from '../../../src/application/imports/prune-import-jobs.ts';
import { ManualClock } from '../identity/support.ts';

const DAY = 86_400;
const report = { received: 1, inserted: 1, updated: 0, unchanged: 0, failed: 0, errors: [] };

t.test('finished imports older than the retention are pruned; newer ones and running ones stay', async (t) => {
  const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
  const jobs = new InMemoryImportJobRepository();
  const settings = { staleAfterMs: 60_000 };
  const prune = new PruneImportJobs(jobs, clock, settings);
  const finished = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: clock.now(), bytesTotal: null });
  await jobs.finish(finished, { state: 'succeeded', report, bytesRead: 0, failure: null, finishedAt: clock.now() });
  const running = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: clock.now(), bytesTotal: null });

  clock.advance(30 * DAY - 1);
  await jobs.recordProgress(running, { counts: report, bytesRead: 0, heartbeatAt: clock.now() });
  t.equal(await prune.execute({ retentionSeconds: 30 * DAY }), 0, 'a second short of the retention: kept');
  clock.advance(2);
  t.equal(await prune.execute({ retentionSeconds: 30 * DAY }), 1, 'past the retention: pruned');
  await t.rejects(new GetImportJob(jobs, clock, settings).execute({ id: finished }), { code: 'IMPORT_NOT_FOUND' });
  t.match(await jobs.findById(running), { state: 'running' }, 'the import still running is not touched');
});

t.test('a retention shorter than the staleness limit never prunes an import still reporting progress', async (t) => {
  const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
  const jobs = new InMemoryImportJobRepository();
  const prune = new PruneImportJobs(jobs, clock, { staleAfterMs: 60_000 });
  const running = await jobs.create({ mode: 'partial', dryRun: false, startedAt: clock.now(), bytesTotal: null });
  clock.advance(30);
  t.equal(await prune.execute({ retentionSeconds: 1 }), 0, 'silent for 30 s, within the 60 s staleness limit');
  clock.advance(31);
  t.equal(await prune.execute({ retentionSeconds: 1 }), 1, 'silent past the limit: abandoned, pruned');
  t.equal(await jobs.findById(running), null);
});
