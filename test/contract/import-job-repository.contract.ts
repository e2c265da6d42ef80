import type { Test } from 'tap';
import { GetImportJob } from '../../src/application/imports/get-import-job.ts';
import type { ImportJobRepository } from '../../src/application/ports/import-job-repository.ts';
import { IMPORT_ABANDONED } from '../../src/domain/import-job.ts';

export type ImportJobFactory = () => Promise<ImportJobRepository>;

const at = (iso: string) => new Date(`2026-03-01T${iso}Z`);
const counts = (received: number, inserted: number, failed = 0) => ({ received, inserted, updated: 0, unchanged: 0, failed });

/** What every ImportJobRepository must do. */
export function importJobRepositoryContract(t: Test, fresh: ImportJobFactory): void {
  t.test('a new job is running, empty, with its heartbeat at its start', async (t) => {
    const jobs = await fresh();
    const id = await jobs.create({ mode: 'partial', dryRun: true, startedAt: at('10:00:00.123'), bytesTotal: null });
    const other = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('10:00:01'), bytesTotal: null });
    t.ok(Number.isInteger(id) && Number.isInteger(other) && id !== other, 'distinct integer ids');
    t.same(await jobs.findById(id), {
      id,
      mode: 'partial',
      dryRun: true,
      state: 'running',
      report: { received: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, errors: [] },
      bytesRead: 0,
      bytesTotal: null,
      failure: null,
      startedAt: at('10:00:00.123'),
      heartbeatAt: at('10:00:00.123'),
      finishedAt: null,
    });
    t.equal(await jobs.findById(id + 1000), null);
  });

  t.test('progress moves the counts, the bytes read and the heartbeat; the size stays', async (t) => {
    const jobs = await fresh();
    const size = 3_000_000_000; // over 2^31: a large upload's size fits
    const id = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('10:00:00'), bytesTotal: size });
    await jobs.recordProgress(id, { counts: counts(1000, 998, 2), bytesRead: 2_500_000_000, heartbeatAt: at('10:00:05') });
    const moved = {
      state: 'running',
      report: counts(1000, 998, 2),
      bytesRead: 2_500_000_000,
      bytesTotal: size,
      heartbeatAt: at('10:00:05'),
    };
    t.match(await jobs.findById(id), moved);
    await jobs.finish(id, {
      state: 'succeeded',
      report: { ...counts(1200, 1198, 2), errors: [] },
      bytesRead: size,
      failure: null,
      finishedAt: at('10:00:07'),
    });
    t.match(await jobs.findById(id), { state: 'succeeded', bytesRead: size, bytesTotal: size }, 'the end stores the bytes read');
  });

  t.test('finish stores the final state and report, once', async (t) => {
    const jobs = await fresh();
    const ok = await jobs.create({ mode: 'partial', dryRun: false, startedAt: at('10:00:00'), bytesTotal: null });
    const errors = [{ row: 7, path: '/title', message: 'must not be empty' }];
    const report = { ...counts(10, 9, 1), errors };
    await jobs.finish(ok, { state: 'succeeded', report, bytesRead: 0, failure: null, finishedAt: at('10:01:00') });
    t.same(await jobs.findById(ok), {
      id: ok,
      mode: 'partial',
      dryRun: false,
      state: 'succeeded',
      report,
      bytesRead: 0,
      bytesTotal: null,
      failure: null,
      startedAt: at('10:00:00'),
      heartbeatAt: at('10:01:00'),
      finishedAt: at('10:01:00'),
    });
    const failure = { code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable' };
    await jobs.finish(ok, { state: 'failed', report: { ...counts(0, 0), errors: [] }, bytesRead: 0, failure, finishedAt: at('10:02:00') });
    await jobs.recordProgress(ok, { counts: counts(99, 99), bytesRead: 0, heartbeatAt: at('10:03:00') });
    t.match(await jobs.findById(ok), { state: 'succeeded', report, finishedAt: at('10:01:00') }, 'a finished job does not move');

    const bad = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('11:00:00'), bytesTotal: null });
    await jobs.finish(bad, { state: 'failed', report: { ...counts(3, 0), errors: [] }, bytesRead: 0, failure, finishedAt: at('11:00:02') });
    t.match(await jobs.findById(bad), { state: 'failed', failure, report: counts(3, 0) });
  });

  t.test('a running job whose heartbeat stopped reads as failed', async (t) => {
    const jobs = await fresh();
    const id = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('10:00:00'), bytesTotal: null });
    await jobs.recordProgress(id, { counts: counts(5000, 5000), bytesRead: 0, heartbeatAt: at('10:00:10') });
    const reader = (now: Date) => new GetImportJob(jobs, { now: () => now }, { staleAfterMs: 60_000 });
    t.match(await reader(at('10:01:10')).execute({ id }), { state: 'running' }, 'within the timeout');
    t.match(await reader(at('10:01:11')).execute({ id }), {
      state: 'failed',
      failure: { code: IMPORT_ABANDONED },
      finishedAt: at('10:00:10'),
      report: counts(5000, 5000),
    });
    await t.rejects(reader(at('10:00:00')).execute({ id: id + 1000 }), { kind: 'not_found', code: 'IMPORT_NOT_FOUND' });
  });

  t.test('list: newest first, paged, with an exact total; a page past the end is empty', async (t) => {
    const jobs = await fresh();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at(`10:00:0${i}`), bytesTotal: null }));
    const staleBefore = at('09:00:00');
    const first = await jobs.list({ page: 1, limit: 2, staleBefore });
    t.same(
      first.items.map((job) => job.id),
      [ids[4], ids[3]],
    );
    t.match(first, { total: 5, totalCapped: false });
    t.match(first.items[0], { state: 'running', startedAt: at('10:00:04'), report: { received: 0 } }, 'whole jobs');
    const last = await jobs.list({ page: 3, limit: 2, staleBefore });
    t.same(
      last.items.map((job) => job.id),
      [ids[0]],
    );
    t.match(await jobs.list({ page: 9, limit: 2, staleBefore }), { items: [], total: 5 });
  });

  t.test('list by state: a running job whose heartbeat stopped is listed as failed, not running', async (t) => {
    const jobs = await fresh();
    const done = await jobs.create({ mode: 'partial', dryRun: false, startedAt: at('10:00:00'), bytesTotal: null });
    await jobs.finish(done, {
      state: 'succeeded',
      report: { ...counts(1, 1), errors: [] },
      bytesRead: 0,
      failure: null,
      finishedAt: at('10:00:01'),
    });
    const stale = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('10:00:00'), bytesTotal: null });
    const live = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('10:00:00'), bytesTotal: null });
    await jobs.recordProgress(live, { counts: counts(10, 10), bytesRead: 0, heartbeatAt: at('10:05:00') });
    const failure = { code: 'IMPORT_MALFORMED', message: 'broken' };
    const broken = await jobs.create({ mode: 'atomic', dryRun: false, startedAt: at('10:00:00'), bytesTotal: null });
    await jobs.finish(broken, {
      state: 'failed',
      report: { ...counts(0, 0), errors: [] },
      bytesRead: 0,
      failure,
      finishedAt: at('10:00:02'),
    });
    const ids = async (state: 'running' | 'succeeded' | 'failed') =>
      (await jobs.list({ state, page: 1, limit: 10, staleBefore: at('10:04:00') })).items.map((job) => job.id);
    t.same(await ids('running'), [live]);
    t.same(await ids('failed'), [broken, stale]);
    t.same(await ids('succeeded'), [done]);
    t.equal((await jobs.list({ state: 'failed', page: 1, limit: 10, staleBefore: at('10:04:00') })).total, 2);
  });

  t.test('prune deletes jobs that ended before the cutoff, abandoned ones too; never a live one', async (t) => {
    const jobs = await fresh();
    const end = (id: number, state: 'succeeded' | 'failed', time: string) =>
      jobs.finish(id, { state, report: { ...counts(1, 1), errors: [] }, bytesRead: 0, failure: null, finishedAt: at(time) });
    const started = (time: string) => jobs.create({ mode: 'atomic', dryRun: false, startedAt: at(time), bytesTotal: null });
    const old = await started('08:00:00');
    await end(old, 'succeeded', '08:10:00');
    const oldFailure = await started('08:00:00');
    await end(oldFailure, 'failed', '09:59:59');
    const recent = await started('08:00:00');
    await end(recent, 'succeeded', '10:00:00');
    const longRunning = await started('07:00:00');
    await jobs.recordProgress(longRunning, { counts: counts(10, 10), bytesRead: 0, heartbeatAt: at('10:30:00') });
    const abandoned = await started('07:00:00');
    await jobs.recordProgress(abandoned, { counts: counts(10, 10), bytesRead: 0, heartbeatAt: at('09:00:00') });

    t.equal(await jobs.prune(at('10:00:00')), 3, 'the two finished before 10:00 and the one silent since 09:00');
    for (const id of [old, oldFailure, abandoned]) t.equal(await jobs.findById(id), null, `job ${id} is gone`);
    t.match(await jobs.findById(recent), { state: 'succeeded' }, 'finished at the cutoff: kept');
    t.match(await jobs.findById(longRunning), { state: 'running' }, 'started long ago but alive: kept');
    t.equal((await jobs.list({ page: 1, limit: 10, staleBefore: at('10:00:00') })).total, 2);
    t.equal(await jobs.prune(at('10:00:00')), 0, 'pruning again changes nothing');
    await end(longRunning, 'succeeded', '11:00:00');
    t.match(await jobs.findById(longRunning), { state: 'succeeded' }, 'the live job still finishes');
  });
}
