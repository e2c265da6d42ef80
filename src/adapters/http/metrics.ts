import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export type ImportOutcome = 'completed' | 'rejected' | 'failed';

/**
 * Prometheus metrics of one app (its own registry, so tests can build many apps):
 * - marquee_http_request_duration_seconds{method,route,status_code}: route is the pattern
 *   (`/movies/:id`), never the raw URL, so ids do not explode the series;
 * - marquee_db_pool_connections{state=total|idle|waiting}: pg pool use (absent on PGlite);
 * - marquee_imports_total{mode,outcome} and marquee_import_rows_total{result}: bulk imports;
 * - the process defaults of prom-client (CPU, memory, event loop lag, handles).
 */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly imports: Counter<'mode' | 'outcome'>;
  readonly importRows: Counter<'result'>;

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
    this.imports = new Counter({
      name: 'marquee_imports_total',
      help: 'Bulk imports by mode and outcome',
      labelNames: ['mode', 'outcome'],
      registers,
    });
    this.importRows = new Counter({
      name: 'marquee_import_rows_total',
      help: 'Rows of bulk imports by result (inserted, updated, unchanged, failed)',
      labelNames: ['result'],
      registers,
    });
    if (options.poolStats) this.watchPool(options.poolStats);
  }

  /** For the import route: one finished import and the counts of its report. */
  recordImport(
    mode: string,
    outcome: ImportOutcome,
    report?: Partial<Record<'inserted' | 'updated' | 'unchanged' | 'failed', number>>,
  ): void {
    this.imports.inc({ mode, outcome });
    for (const [result, count] of Object.entries(report ?? {})) if (count) this.importRows.inc({ result }, count);
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
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestDuration.observe({ method: request.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000);
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
