import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { acceptJsonOnly } from './body-parsing.ts';
import { installErrorHandling } from './error-handler.ts';
import { HttpMetrics, installMetrics, type PoolStats } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { clientErrorHandler, frameworkErrors, requestIdOf } from './protocol-errors.ts';
import { installRequestId } from './request-id.ts';
import { RouteRegistry, type Authorize } from './route-registry.ts';
import { healthRoutes } from './routes/health.ts';
import type { ImportLimits } from './routes/import.ts';
import { registerAccountRoutes, registerApiRoutes, type HttpUseCases } from './routes/index.ts';
import { registerSecurity } from './security.ts';
import { installQueryTextCheck } from './text-checks.ts';
import { buildValidator } from './validation.ts';

export type { Authorize } from './route-registry.ts';
export type { HttpUseCases } from './routes/index.ts';

export interface HttpAppOptions {
  useCases: HttpUseCases;
  logger?: FastifyServerOptions['logger'] | boolean;
  /** A logger made before the app (the server logs its start-up through it); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  /** Origins allowed by CORS; empty allows none. */
  corsOrigins: string[];
  requestTimeoutMs?: number;
  bodyLimitBytes?: number;
  /** For /health/ready: does the database answer? */
  isReady: () => Promise<boolean>;
  /** Prometheus metrics served at /metrics; a fresh set when absent. */
  metrics?: HttpMetrics;
  /** pg pool use for the metrics; absent (PGlite) → no pool gauge. */
  poolStats?: () => PoolStats | undefined;
  /** Runs before every route that declares a permission; throws a 401/403 DomainError to refuse. */
  authorize?: Authorize;
  /** Login and register limits per client and per username; Redis when `redisUrl` is set. */
  rateLimit?: RateLimitOptions;
  /** IMPORT_MAX_BYTES / IMPORT_MAX_ROWS for POST /movies/import; default 100 MB, 1,000,000 rows. */
  importLimits?: ImportLimits;
  /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For gives `request.ip`; none by default. */
  trustProxy?: string[];
  /** Aborted by the server's shutdown when running imports must roll back (see server.ts). */
  shutdown?: AbortSignal;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;

/** The catalog's HTTP adapter: every route, validation, errors, docs. The caller listens. */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? false }),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    requestTimeout,
    connectionTimeout: requestTimeout + 5_000,
    // Node's parser takes requestTimeout when the server is created (Fastify's own setting comes
    // later and is not used: a stalled body got its 408 only after ~60 s), and enforces it when it
    // checks connections, every 30 s by default.
    http: { requestTimeout, connectionsCheckingInterval: Math.min(1_000, requestTimeout) },
    // /movies/ is /movies: a trailing slash gets the same answer as the path without it.
    routerOptions: { ignoreTrailingSlash: true },
    requestIdHeader: false,
    genReqId: requestIdOf,
    frameworkErrors,
    clientErrorHandler,
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    schemaController: { compilersFactory: { buildValidator } },
  });

  acceptJsonOnly(app);
  installRequestId(app);
  installQueryTextCheck(app);
  installMetrics(app, options.metrics ?? new HttpMetrics({ poolStats: options.poolStats }));

  const routes = new RouteRegistry();
  routes.watch(app, options.authorize);
  installErrorHandling(app, routes);
  await registerSecurity(app, options.corsOrigins);
  await registerOpenApi(app, routes);

  await app.register(healthRoutes, { isReady: options.isReady });
  const imports = { shutdown: options.shutdown, ...(options.importLimits && { limits: options.importLimits }) };
  await registerApiRoutes(app, options.useCases, imports);
  const limits = await registerRateLimit(app, options.rateLimit);
  await registerAccountRoutes(app, options.useCases, limits);
  return app;
}
