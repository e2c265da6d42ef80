import type { FastifyInstance } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import { DomainError } from '../../domain/errors.ts';

export type StoreFailurePolicy = 'open' | 'closed';

export interface StoreLog {
  warn(object: object, message: string): void;
  info(message: string): void;
}

/**
 * The rate-limit store's (Redis's) health. An outage is logged once when it starts and once
 * when it ends, not per request, and shows in /metrics: marquee_rate_limit_store_up (1 or 0)
 * and marquee_rate_limit_store_errors_total (limited requests that could not be counted).
 * While it lasts, `open` lets limited routes through uncounted; `closed` answers 503.
 */
export class StoreHealth {
  private up = true;
  private readonly policy: StoreFailurePolicy;
  private readonly log: StoreLog;
  private readonly gauge?: Gauge;
  private readonly errors?: Counter;

  constructor(app: FastifyInstance, policy: StoreFailurePolicy, log: StoreLog) {
    this.policy = policy;
    this.log = log;
    const registers = app.hasDecorator('metrics') ? [app.metrics.registry] : [];
    this.gauge = new Gauge({ name: 'marquee_rate_limit_store_up', help: 'Whether the rate-limit store (Redis) answers', registers });
    this.gauge.set(1);
    this.errors = new Counter({
      name: 'marquee_rate_limit_store_errors_total',
      help: 'Rate-limited requests whose counters the store (Redis) could not read or write',
      registers,
    });
  }

  /** `work`'s result; undefined when the store failed and the policy is open; a 503 when closed. */
  async use<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await work();
      this.ok();
      return result;
    } catch (error) {
      this.errors?.inc();
      this.failed(error as Error);
      if (this.policy === 'open') return undefined;
      throw new DomainError('unavailable', 'RATE_LIMIT_STORE_UNAVAILABLE', 'the rate-limit store is unavailable; retry later');
    }
  }

  failed(error: Error): void {
    if (!this.up) return;
    this.up = false;
    this.gauge?.set(0);
    const effect = this.policy === 'open' ? 'login and sign-up are not rate limited' : 'login and sign-up answer 503';
    this.log.warn({ err: error }, `rate-limit store (Redis) unavailable: ${effect} until it returns`);
  }

  ok(): void {
    if (this.up) return;
    this.up = true;
    this.gauge?.set(1);
    this.log.info('rate-limit store (Redis) is back: rate limiting resumed');
  }
}
