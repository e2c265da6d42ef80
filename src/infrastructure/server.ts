import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../adapters/http/app.ts';
import { bearerAuthorize } from '../adapters/http/authorize.ts';
import { EnsureAdmin } from '../application/users/ensure-admin.ts';
import type { Config } from './config.ts';
import { buildContainer } from './container.ts';
import { openDatabase, type Database } from './database.ts';
import { loadDemoData } from './demo-data.ts';
import { identityFromConfig } from './identity.ts';

export interface RunningServer {
  app: FastifyInstance;
  /** Where the API answers, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the pool. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens the database, wires the container and the HTTP app, and listens on HOST:PORT. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: config.migrateOnStart });
  let app: FastifyInstance | undefined;
  try {
    const container = buildContainer(database.repositories, identityFromConfig(config, database.repositories));
    app = await buildHttpApp({
      container,
      logger: { level: config.logLevel },
      corsOrigins: config.corsOrigins,
      requestTimeoutMs: config.requestTimeoutMs,
      bodyLimitBytes: config.bodyLimitBytes,
      isReady: () => database.ping(),
      authorize: bearerAuthorize(container),
      rateLimit: { redisUrl: config.redisUrl },
    });
    if (config.admin) {
      const { created } = await container.resolve(EnsureAdmin).execute(config.admin);
      if (created) app.log.info(`Admin ${created.username} created (ADMIN_USERNAME)`);
    }
    if (config.demoData) await loadDemoData(container, app.log);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const url = listeningUrl(app);
  app.log.info({ url }, `Marquee listening on ${url} (API reference at ${url}/docs)`);
  return { app, url, close: closer(app, database) };
}

function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Fastify's close stops the listener, answers 503 to requests arriving meanwhile, closes idle
 * keep-alive connections and waits for in-flight requests; only then may the pool go.
 */
function closer(app: FastifyInstance, database: Database): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= app.close().then(() => database.close());
    return closing;
  };
}
