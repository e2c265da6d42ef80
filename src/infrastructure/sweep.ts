import type { DependencyContainer } from 'tsyringe';
import { PruneSessions } from '../application/auth/prune-sessions.ts';

const HOUR_MS = 3_600_000;

interface SweepLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * Prunes sessions every hour (and once at start). A failure (database away) is logged and
 * retried at the next tick. The timer does not keep the process alive; the returned
 * function stops it.
 */
export function startSweep(container: DependencyContainer, log: SweepLog, revokedGraceSeconds: number, intervalMs = HOUR_MS): () => void {
  const sweep = () =>
    container
      .resolve(PruneSessions)
      .execute({ revokedGraceSeconds })
      .then(
        (pruned) => void (pruned > 0 && log.info({ pruned }, `pruned ${pruned} expired or revoked sessions`)),
        (error: unknown) => log.warn({ err: error }, 'session sweep failed; trying again at the next one'),
      );
  void sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
