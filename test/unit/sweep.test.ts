import t from 'tap';
import { startSweep } from '../../src/infrastructure/sweep.ts';

t.test('the sweep prunes sessions and old import jobs at start; one failing does not stop the other', async (t) => {
  const calls: unknown[] = [];
  const useCases = {
    pruneSessions: { execute: async (input: unknown) => (calls.push(['sessions', input]), Promise.reject(new Error('database away'))) },
    pruneImportJobs: { execute: async (input: unknown) => (calls.push(['imports', input]), 4) },
  } as never; // stand-ins with only execute()
  const lines: string[] = [];
  const log = { info: (_: object, message: string) => lines.push(message), warn: (_: object, message: string) => lines.push(message) };

  const stop = startSweep(useCases, log, { revokedGraceSeconds: 900, importJobRetentionSeconds: 30 * 86_400 });
  t.teardown(stop);
  await new Promise((resolve) => setImmediate(resolve));
  t.same(calls, [
    ['sessions', { revokedGraceSeconds: 900 }],
    ['imports', { retentionSeconds: 30 * 86_400 }],
  ]);
  t.same(lines.sort(), ['pruned 4 old import jobs', 'pruning expired or revoked sessions failed; trying again at the next sweep']);
});
