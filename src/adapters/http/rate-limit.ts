import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';

export interface RateLimitOptions {
  /** Share counters between instances (REDIS_URL); unset → counters in this process. */
  redisUrl?: string;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  nameSpace?: string;
  /** Attempts per client IP per window, per route (login, register). */
  perClient?: number;
  /** Attempts per username per window, per route. */
  perUsername?: number;
  windowMs?: number;
}

export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const DEFAULTS = { perClient: 20, perUsername: 10, windowMs: 60_000 };

class RateLimited extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
}

/**
 * @fastify/rate-limit with global: false; routes opt in through `limiter(name)`, a preHandler
 * (the username comes from the parsed body) that counts the attempt twice — once per client
 * IP and once per username — and answers 429 with Retry-After when either is over its limit.
 */
export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): Promise<(route: string) => RateLimitHook> {
  const settings = { ...DEFAULTS, ...options };
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => undefined)));
  // Without Redis the counters are per process; with it, a Redis outage lets requests through (logged) rather than locking everyone out.
  await app.register(rateLimit, {
    global: false,
    redis,
    nameSpace: settings.nameSpace ?? 'marquee-rl:',
    skipOnError: true,
    timeWindow: settings.windowMs,
  });
  return (route) => {
    const byClient = app.createRateLimit({
      max: settings.perClient,
      timeWindow: settings.windowMs,
      keyGenerator: (r) => `${route}:ip:${r.ip}`,
    });
    const byUsername = app.createRateLimit({
      max: settings.perUsername,
      timeWindow: settings.windowMs,
      keyGenerator: (r) => `${route}:user:${usernameOf(r)}`,
    });
    return async (request, reply) => {
      for (const check of [byClient, byUsername]) {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) continue;
        const seconds = Math.max(result.ttlInSeconds, 1);
        reply.header('retry-after', String(seconds));
        throw new RateLimited(`too many attempts; retry in ${seconds} s`);
      }
    };
  };
}

function usernameOf(request: FastifyRequest): string {
  const username = (request.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.toLowerCase() : '';
}
