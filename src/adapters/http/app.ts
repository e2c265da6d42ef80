import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { acceptJsonOnly } from './body-parsing.ts';
import { installErrorHandling } from './error-handler.ts';
import { HttpMetrics, installMetrics, type PoolStats } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { clientErrorHandler, frameworkErrors, requestIdOf } from './protocol-errors.ts';
import { installRequestId } from './request-id.ts';
import { installRequestTimeout } from './request-timeout.ts';
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
  /** IMPORT_MAX_BYTES / IMPORT_MAX_ROWS / IMPORT_IDLE_TIMEOUT_MS for POST /movies/import; default 100 MB, 1,000,000 rows, 30 s. */
  importLimits?: ImportLimits;
  /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For gives `request.ip`; none by default. */
  trustProxy?: string[];
  /** Aborted by the server's shutdown when running imports must roll back (see server.ts). */
  shutdown?: AbortSignal;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;
const DEFAULT_IMPORT_IDLE_TIMEOUT_MS = 30_000;

/** The catalog's HTTP adapter: every route, validation, errors, docs. The caller listens. */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const importIdle = options.importLimits?.idleTimeoutMs ?? DEFAULT_IMPORT_IDLE_TIMEOUT_MS;
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? false }),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // A socket with no traffic at all for this long is closed.
    connectionTimeout: Math.max(requestTimeout, importIdle) + 5_000,
    // Node's requestTimeout is server-wide and would cut an import still receiving rows: it is
    // off, and request-timeout.ts applies REQUEST_TIMEOUT_MS per route. Node still cuts slow
    // headers (checked every second; Node's default check is every 30 s).
    http: {
      requestTimeout: 0,
      headersTimeout: Math.min(60_000, requestTimeout),
      connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    },
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
  installRequestTimeout(app, requestTimeout);
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
