import type { UseCases } from './container.ts';

const HOUR_MS = 3_600_000;

interface SweepLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface SweepSettings {
  revokedGraceSeconds: number; // ACCESS_TOKEN_TTL: how long a revoked session still answers SESSION_ENDED
  importJobRetentionSeconds: number; // IMPORT_JOB_RETENTION
}

/**
 * Prunes sessions and old import jobs every hour (and once at start). Each is one idempotent
 * DELETE, so several instances may sweep at once. A failure (database away) is logged and
 * retried at the next tick, and does not stop the other pruning. The timer does not keep
 * the process alive; the returned function stops it.
 */
export function startSweep(
  useCases: Pick<UseCases, 'pruneSessions' | 'pruneImportJobs'>,
  log: SweepLog,
  settings: SweepSettings,
  intervalMs = HOUR_MS,
): () => void {
  const prune = (what: string, run: () => Promise<number>) =>
    run().then(
      (pruned) => void (pruned > 0 && log.info({ pruned }, `pruned ${pruned} ${what}`)),
      (error: unknown) => log.warn({ err: error }, `pruning ${what} failed; trying again at the next sweep`),
    );
  const sweep = () =>
    Promise.all([
      prune('expired or revoked sessions', () => useCases.pruneSessions.execute({ revokedGraceSeconds: settings.revokedGraceSeconds })),
      prune('old import jobs', () => useCases.pruneImportJobs.execute({ retentionSeconds: settings.importJobRetentionSeconds })),
    ]);
  void sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
