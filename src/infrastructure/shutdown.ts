import type { FastifyInstance } from 'fastify';
import type { ResilientDatabase } from './resilient-database.ts';

/**
 * How long a running import may go on after SIGTERM before it is rolled back: the grace period
 * less a reserve (3 s, or half of a short grace) for the rollback, the 503 and closing the pool.
 */
export function importGraceMs(shutdownTimeoutMs: number): number {
  return shutdownTimeoutMs - Math.min(3_000, Math.floor(shutdownTimeoutMs / 2));
}

/**
 * Fastify's close stops the listener, answers 503 to requests arriving meanwhile, closes idle
 * keep-alive connections and waits for in-flight requests; only then may the pool go. Imports
 * still running when their grace runs out are aborted through `imports`, so they roll back in
 * time instead of being cut by the process exit. Safe to call twice.
 */
export function closer(
  app: FastifyInstance,
  database: ResilientDatabase,
  imports: AbortController,
  shutdownTimeoutMs: number,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    if (closing) return closing;
    const abortImports = setTimeout(() => imports.abort(), importGraceMs(shutdownTimeoutMs));
    abortImports.unref();
    closing = closeHttp(app)
      .then(() => database.close())
      .finally(() => clearTimeout(abortImports));
    return closing;
  };
}

/**
 * Node closes the connections idle at the moment of close(), but a keep-alive connection whose
 * request finishes afterwards would stay open for the whole keep-alive timeout: sweep it too.
 */
async function closeHttp(app: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}
