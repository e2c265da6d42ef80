import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { ImportMetrics } from './import-metrics.ts';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * Prometheus metrics of one app (its own registry, so tests can build many apps):
 * - marquee_http_request_duration_seconds{method,route,status_code}: route is the pattern
 *   (`/movies/:id`), never the raw URL, so ids do not explode the series;
 * - marquee_db_pool_connections{state=total|idle|waiting}: pg pool use (absent on PGlite);
 * - bulk imports (import-metrics.ts): finished ones by outcome, and the rows/s of running ones;
 * - the process defaults of prom-client (CPU, memory, event loop lag, handles).
 */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly imports: ImportMetrics;

  constructor(options: { poolStats?: () => PoolStats | undefined } = {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'marquee_' });
    this.requestDuration = new Histogram({
      name: 'marquee_http_request_duration_seconds',
      help: 'Time from request received to response sent, per route pattern, method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.imports = new ImportMetrics(this.registry);
    if (options.poolStats) this.watchPool(options.poolStats);
  }

  private watchPool(poolStats: () => PoolStats | undefined): void {
    new Gauge({
      name: 'marquee_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const stats = poolStats();
        if (!stats) return;
        for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, stats[state]);
      },
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's metrics; routes record domain events (imports) through it. */
    metrics: HttpMetrics;
  }
}

/** Times every response and serves GET /metrics in the Prometheus text format (public, like /health). */
export function installMetrics(app: FastifyInstance, metrics: HttpMetrics): void {
  app.decorate('metrics', metrics);
  // A callback hook: an async one costs a promise on every request (issue 13).
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestDuration.observe({ method: request.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000);
    done();
  });
  app.get(
    '/metrics',
    { schema: { tags: ['health'], summary: 'Prometheus metrics (text exposition format)', hide: true } },
    async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
