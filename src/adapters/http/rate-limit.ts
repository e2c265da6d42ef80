import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RedisCounterStore } from './rate-limit-redis-store.ts';
import { MemoryCounterStore, type Count, type CounterStore } from './rate-limit-store.ts';
import { StoreHealth, type StoreFailurePolicy, type StoreLog } from './rate-limit-health.ts';

export interface RateLimitOptions {
  /** Share counters between instances (REDIS_URL); unset → counters in this process. */
  redisUrl?: string;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  nameSpace?: string;
  /** Failed logins per client address per window, whatever the username (stops credential stuffing); also sign-ups per client. */
  perClient?: number;
  /** Failed logins for one username from one client per window. */
  perUsernameAndClient?: number;
  /** Failed logins for one username from all clients per window; beyond it clients that failed for it are refused, others slowed. */
  perUsername?: number;
  windowMs?: number;
  /** The delay a clean client's login gets while its username is under attack. */
  slowdownMs?: number;
  /** RATE_LIMIT_STORE_FAILURE: Redis unreachable → `open` lets requests through, `closed` answers 503. */
  storeFailure?: StoreFailurePolicy;
  /** Where outage and recovery are logged; the app's logger by default. */
  log?: StoreLog;
}

export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Login counts failures: the route reports each outcome. */
export interface LoginLimit {
  check: RateLimitHook;
  failed(request: FastifyRequest): Promise<void>;
  succeeded(request: FastifyRequest): Promise<void>;
}

export interface Limits {
  login: LoginLimit;
  /** Wrong current passwords on POST /auth/password, counted like failed logins, per account. */
  passwordChange: LoginLimit;
  register: RateLimitHook;
}

/** The limits in production (README, "Failed logins slow an attacker"); tests pass smaller ones. */
export const LOGIN_LIMITS = { perClient: 20, perUsernameAndClient: 5, perUsername: 10, windowMs: 60_000, slowdownMs: 1_000 };

class RateLimited extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
}

/**
 * Limits that slow an attacker without locking anyone out (docs/architecture.md, "Security rules"). Login counts FAILURES,
 * per client, per (username, client) and per username. A client over its own limits gets 429;
 * so does one that has failed for a username that is under attack from everywhere. A client
 * that has not been failing is only slowed, so the owner still logs in during an attack.
 */
export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): Promise<Limits> {
  const settings = { ...LOGIN_LIMITS, ...options };
  const health = new StoreHealth(app, settings.storeFailure ?? 'open', settings.log ?? app.log);
  const store: CounterStore = settings.redisUrl
    ? await redisStore(settings.redisUrl, settings.nameSpace, health)
    : new MemoryCounterStore();
  app.addHook('onClose', () => store.close());
  const failures = (keysOf: (request: FastifyRequest) => Keys): LoginLimit => ({
    check: async (request, reply) => {
      const k = keysOf(request);
      const counts = await health.use(() => store.read([k.client, k.pair, k.user]));
      if (counts) await judge(counts as [Count, Count, Count], settings, reply);
    },
    failed: async (request) => {
      const k = keysOf(request);
      await health.use(() => store.increment([k.client, k.pair, k.user], settings.windowMs));
    },
    succeeded: async (request) => void (await health.use(() => store.remove(keysOf(request).pair))),
  });
  const login = failures((request) => accountKeys('login', request.ip, usernameOf(request)));
  const passwordChange = failures((request) => accountKeys('password', request.ip, `${request.principal?.userId}`));
  const register: RateLimitHook = async (request, reply) => {
    const counts = await health.use(() => store.increment([`register:ip:${request.ip}`], settings.windowMs));
    if (counts && counts[0]!.count > settings.perClient) refuse(reply, counts[0]!);
  };
  return { login, passwordChange, register };
}

async function judge([client, pair, user]: [Count, Count, Count], limits: typeof LOGIN_LIMITS, reply: FastifyReply): Promise<void> {
  if (client.count >= limits.perClient) refuse(reply, client);
  if (pair.count >= limits.perUsernameAndClient) refuse(reply, pair);
  if (user.count < limits.perUsername) return;
  if (pair.count > 0) refuse(reply, user);
  await new Promise((resolve) => setTimeout(resolve, limits.slowdownMs));
}

function refuse(reply: FastifyReply, count: Count): never {
  const seconds = Math.max(Math.ceil(count.ttlMs / 1000), 1);
  reply.header('retry-after', String(seconds));
  throw new RateLimited(`too many failed attempts; retry in ${seconds} s`);
}

type Keys = { client: string; pair: string; user: string };

/** Every password guess counts against the client's one budget; pair and account counters are per scope. */
function accountKeys(scope: 'login' | 'password', ip: string, account: string): Keys {
  const user = encodeURIComponent(account);
  return { client: `login:ip:${ip}`, pair: `${scope}:pair:${ip}:${user}`, user: `${scope}:user:${user}` };
}

function usernameOf(request: FastifyRequest): string {
  const username = (request.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.toLowerCase() : '';
}

/** Loads ioredis only when REDIS_URL is set, and connects before the first request. */
async function redisStore(url: string, nameSpace: string | undefined, health: StoreHealth): Promise<RedisCounterStore> {
  const { RedisCounterStore } = await import('./rate-limit-redis-store.ts');
  const store = new RedisCounterStore(url, nameSpace ?? 'marquee-rl:', (error) => health.failed(error));
  store.redis.on('ready', () => health.ok());
  // Commands fail at once while not connected (no offline queue): the first requests must not meet a false outage.
  await store.connected();
  return store;
}
