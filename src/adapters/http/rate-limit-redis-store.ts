import { Redis } from 'ioredis';
import type { Count, CounterStore } from './rate-limit-store.ts';

/* Its own module, loaded only when REDIS_URL is set: ioredis costs ~0.1 s of CPU at start-up. */

/**
 * Counters shared by every instance. Commands fail at once while Redis is away (no offline
 * queue, bounded connect and command time), so an outage costs a request milliseconds,
 * not a hang; the caller decides what a failure means (RATE_LIMIT_STORE_FAILURE).
 */
export class RedisCounterStore implements CounterStore {
  readonly redis: Redis;
  private readonly prefix: string;

  constructor(url: string, prefix: string, onConnectionError: (error: Error) => void) {
    this.prefix = prefix;
    this.redis = new Redis(url, { connectTimeout: 500, commandTimeout: 500, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    // Heard, so ioredis does not print an "Unhandled error event" line per reconnect attempt.
    this.redis.on('error', onConnectionError);
  }

  /** Resolves once connected, or once the first attempt failed (then requests meet an outage, not a hang). */
  connected(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.redis.off('ready', done).off('error', done);
        resolve();
      };
      this.redis.once('ready', done).once('error', done);
    });
  }

  async read(keys: string[]): Promise<Count[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.get(this.prefix + key).pttl(this.prefix + key);
    return pairs(await run(pipeline));
  }

  /** SET NX starts the window once; INCR counts; PTTL says when it ends. */
  async increment(keys: string[], windowMs: number): Promise<Count[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys)
      pipeline
        .set(this.prefix + key, 0, 'PX', windowMs, 'NX')
        .incr(this.prefix + key)
        .pttl(this.prefix + key);
    const results = await run(pipeline);
    return pairs(results.filter((_, i) => i % 3 !== 0));
  }

  async remove(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

async function run(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  return results.map(([, value]) => value);
}

function pairs(values: unknown[]): Count[] {
  const counts: Count[] = [];
  for (let i = 0; i < values.length; i += 2) counts.push({ count: Number(values[i] ?? 0), ttlMs: Math.max(Number(values[i + 1]), 0) });
  return counts;
}
