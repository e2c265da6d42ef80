import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildHttpApp } from '../adapters/http/app.ts';
import { bearerAuthorize } from '../adapters/http/authorize.ts';
import type { Config } from './config.ts';
import { buildUseCases, type UseCases } from './container.ts';
import { openResilientDatabase, type ResilientDatabase } from './resilient-database.ts';
import { loadDemoData } from './demo-data.ts';
import { identityFromConfig } from './identity.ts';
import { createLogger } from './logging.ts';
import { closer } from './shutdown.ts';
import { secondsSince } from './startup-steps.ts';
import { startSweep } from './sweep.ts';

export interface RunningServer {
  app: FastifyInstance;
  /** Where the API answers, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops accepting, lets in-flight requests finish (imports within their grace), then closes the pool. */
  close(): Promise<void>;
}

/**
 * Opens the database, wires the use cases and the HTTP app, and listens on HOST:PORT, logging
 * each step through `log` (main.ts makes it first thing, so the lines start at once).
 */
export async function startServer(config: Config, log: FastifyBaseLogger = createLogger(config.logLevel)): Promise<RunningServer> {
  let app: FastifyInstance | undefined;
  let useCases: UseCases;
  const seeded = { done: false };
  const imports = new AbortController();
  const database = await openResilientDatabase(databaseOptions(config, log), {
    onRetry: (error, delayMs) => log.warn({ err: error }, `database not reachable; trying again in ${delayMs} ms`),
  });
  try {
    const importSettings = { staleAfterMs: config.importStaleAfterMs };
    useCases = buildUseCases(database.repositories, identityFromConfig(config, database.repositories), importSettings);
    app = await buildHttpApp({
      useCases,
      loggerInstance: log,
      corsOrigins: config.corsOrigins,
      trustProxy: config.trustProxy,
      requestTimeoutMs: config.requestTimeoutMs,
      bodyLimitBytes: config.bodyLimitBytes,
      // Ready once admin and demo data are in too, so a probe that says ready means logins work.
      isReady: async () => seeded.done && (await database.ping()),
      poolStats: () => database.poolStats(),
      authorize: bearerAuthorize(useCases),
      rateLimit: { redisUrl: config.redisUrl, storeFailure: config.rateLimitStoreFailure },
      importLimits: { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows, idleTimeoutMs: config.importIdleTimeoutMs },
      shutdown: imports.signal,
    });
    await seedWhenOpen(database, config, useCases, app, () => (seeded.done = true));
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const url = listeningUrl(app);
  app.log.info({ url }, `Marquee listening on ${url} (API reference at ${url}/docs), ${secondsSince(0)} after the process started`);
  const sweepSettings = { revokedGraceSeconds: config.accessTokenTtlSeconds, importJobRetentionSeconds: config.importJobRetentionSeconds };
  const stopSweep = startSweep(useCases, app.log, sweepSettings);
  const close = closer(app, database, imports, config.shutdownTimeoutMs);
  return { app, url, close: () => (stopSweep(), close()) };
}

/** Client-side bounds well inside the request timeout, so a hung database answers 503 before the socket is cut. */
function databaseOptions(config: Config, log: FastifyBaseLogger) {
  const queryMs = Math.max(1_000, Math.floor(config.requestTimeoutMs / 2));
  const timeouts = { connectMs: Math.min(5_000, queryMs), queryMs };
  if (!config.migrateOnStart) log.info('Migrations not applied at start (MIGRATE_ON_START=false)');
  const step = (message: string) => log.info(message);
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: config.migrateOnStart, timeouts, log: step };
}

/** Admin and demo data need the database: now if it is open, else as soon as it opens. */
async function seedWhenOpen(database: ResilientDatabase, config: Config, useCases: UseCases, app: FastifyInstance, done: () => void) {
  const seed = async () => {
    if (config.admin) {
      const { created } = await useCases.ensureAdmin.execute(config.admin);
      if (created) app.log.info(`Admin ${created.username} created (ADMIN_USERNAME)`);
    }
    if (config.demoData) await loadDemoData(useCases, app.log);
    else app.log.info('Demo data not loaded (DEMO_DATA=true loads a sample catalog)');
    done();
  };
  if (database.current()) return seed();
  app.log.warn('database not reachable at start; answering 503 until it is');
  // The database may drop again right after opening: seeding tries until it succeeds.
  const attempt = (): Promise<void> =>
    seed().then(
      () => app.log.info('database reachable; serving normally'),
      (error: unknown) => {
        app.log.error({ err: error }, 'seeding after the database opened failed; trying again in 2 s');
        setTimeout(attempt, 2_000).unref();
      },
    );
  void database.opened.then(attempt);
}

function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
