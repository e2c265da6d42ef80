import 'reflect-metadata';
import t from 'tap';
import { container as root } from 'tsyringe';
import { PruneSessions } from '../../src/application/auth/prune-sessions.ts';
import { PruneImportJobs } from '../../src/application/imports/prune-import-jobs.ts';
import { startSweep } from '../../src/infrastructure/sweep.ts';

t.test('the sweep prunes sessions and old import jobs at start; one failing does not stop the other', async (t) => {
  const container = root.createChildContainer();
  const calls: unknown[] = [];
  container.register(PruneSessions, {
    useValue: { execute: async (input: unknown) => (calls.push(['sessions', input]), Promise.reject(new Error('database away'))) },
  } as never);
  container.register(PruneImportJobs, { useValue: { execute: async (input: unknown) => (calls.push(['imports', input]), 4) } } as never);
  const lines: string[] = [];
  const log = { info: (_: object, message: string) => lines.push(message), warn: (_: object, message: string) => lines.push(message) };

  const stop = startSweep(container, log, { revokedGraceSeconds: 900, importJobRetentionSeconds: 30 * 86_400 });
  t.teardown(stop);
  await new Promise((resolve) => setImmediate(resolve));
  t.same(calls, [
    ['sessions', { revokedGraceSeconds: 900 }],
    ['imports', { retentionSeconds: 30 * 86_400 }],
  ]);
  t.same(lines.sort(), ['pruned 4 old import jobs', 'pruning expired or revoked sessions failed; trying again at the next sweep']);
});
