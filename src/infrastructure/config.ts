import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_IMPORT_SETTINGS } from '../application/ports/import-settings.ts';
import { checkPasswordPolicy } from '../domain/password-policy.ts';
import { createDataDir } from './data-dir-lock.ts';
import { trustedProxies } from './trust-proxy.ts';

/** A bad environment variable. The message is one line naming the variable; main prints it and exits 1. */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined; // unset: PGlite under dataDir
  dataDir: string; // absolute
  migrateOnStart: boolean;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  externalAuth: { issuer: string; audience: string; jwksUrl: string } | undefined;
  admin: { username: string; password: string } | undefined;
  registration: 'open' | 'closed';
  demoData: boolean;
  corsOrigins: string[];
  importMaxBytes: number;
  importMaxRows: number;
  importStaleAfterMs: number;
  importJobRetentionSeconds: number; // IMPORT_JOB_RETENTION: finished import jobs are pruned after this
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  importIdleTimeoutMs: number;
  shutdownTimeoutMs: number;
  redisUrl: string | undefined;
  rateLimitStoreFailure: 'open' | 'closed'; // Redis unreachable: let limited routes through, or answer 503
  trustProxy: string[]; // empty: X-Forwarded-For is ignored
  logLevel: LogLevel;
}

type Env = Record<string, string | undefined>;

/** Reads and validates every variable of the README's Configuration table; throws a ConfigError on the first bad one. */
export function loadConfig(env: Env = process.env): Config {
  const read = reader(env);
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(read('DATA_DIR') ?? './data');
  const demoData = read('DEMO_DATA', (v, fail) => oneOf(v, ['true', 'false'], fail) === 'true') ?? false;
  if (demoData && production) throw new ConfigError('DEMO_DATA', 'must not be true when NODE_ENV=production');
  return {
    production,
    port: read('PORT', (v, fail) => integer(v, 1, 65_535, fail)) ?? 3000,
    host: read('HOST', (v, fail) => (/^[^\s/]+$/.test(v) ? v : fail('must be a host name or IP address'))) ?? '127.0.0.1',
    databaseUrl: read('DATABASE_URL', (v, fail) => url(v, ['postgres:', 'postgresql:'], fail)),
    dataDir,
    migrateOnStart: read('MIGRATE_ON_START', (v, fail) => oneOf(v, ['true', 'false'], fail) === 'true') ?? true,
    jwtSecret: read('JWT_SECRET', secret) ?? developmentSecret(production, dataDir),
    accessTokenTtlSeconds: read('ACCESS_TOKEN_TTL', duration) ?? 15 * 60,
    refreshTokenTtlSeconds: read('REFRESH_TOKEN_TTL', duration) ?? 30 * 86_400,
    externalAuth: externalAuth(read),
    admin: admin(read),
    registration: read('REGISTRATION', (v, fail) => oneOf(v, ['open', 'closed'] as const, fail)) ?? 'open',
    demoData,
    corsOrigins: read('CORS_ORIGINS', origins) ?? [],
    importMaxBytes: read('IMPORT_MAX_BYTES', size) ?? 100 * 1024 ** 2,
    importMaxRows: read('IMPORT_MAX_ROWS', (v, fail) => integer(v, 1, 1e9, fail)) ?? 1_000_000,
    importIdleTimeoutMs: read('IMPORT_IDLE_TIMEOUT_MS', (v, fail) => integer(v, 1, 3_600_000, fail)) ?? 30_000,
    importStaleAfterMs:
      read('IMPORT_STALE_AFTER_MS', (v, fail) => integer(v, 1_000, 86_400_000, fail)) ?? DEFAULT_IMPORT_SETTINGS.staleAfterMs,
    importJobRetentionSeconds: read('IMPORT_JOB_RETENTION', duration) ?? 30 * 86_400,
    bodyLimitBytes: read('BODY_LIMIT', size) ?? 1024 ** 2,
    requestTimeoutMs: read('REQUEST_TIMEOUT_MS', (v, fail) => integer(v, 1, 3_600_000, fail)) ?? 30_000,
    shutdownTimeoutMs: read('SHUTDOWN_TIMEOUT_MS', (v, fail) => integer(v, 1, 3_600_000, fail)) ?? 10_000,
    redisUrl: read('REDIS_URL', (v, fail) => url(v, ['redis:', 'rediss:'], fail)),
    rateLimitStoreFailure: read('RATE_LIMIT_STORE_FAILURE', (v, fail) => oneOf(v, ['open', 'closed'] as const, fail)) ?? 'open',
    trustProxy: read('TRUST_PROXY', trustedProxies) ?? [],
    logLevel: read('LOG_LEVEL', (v, fail) => oneOf(v, LOG_LEVELS, fail)) ?? 'info',
  };
}

type Fail = (problem: string) => never;
type Parse<T> = (value: string, fail: Fail) => T;
type Read = {
  (name: string): string | undefined;
  <T>(name: string, parse: Parse<T>): T | undefined;
};

/** Unset and empty (as `.env` files often leave them) both mean "use the default". */
function reader(env: Env): Read {
  return <T>(name: string, parse?: Parse<T>) => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const fail: Fail = (problem) => {
      throw new ConfigError(name, problem);
    };
    return parse ? parse(raw, fail) : raw;
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], fail: Fail): T {
  return allowed.includes(value as T) ? (value as T) : fail(`must be one of ${allowed.join(', ')} (got "${value}")`);
}

function integer(value: string, min: number, max: number, fail: Fail): number {
  const n = Number(value);
  return /^\d+$/.test(value) && n >= min && n <= max ? n : fail(`must be an integer from ${min} to ${max} (got "${value}")`);
}

function url(value: string, protocols: string[], fail: Fail): string {
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || !protocols.includes(parsed.protocol)) fail(`must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return value;
}

const SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `15m`, `30d`, `12h`, `3600s` or a bare number of seconds. */
function duration(value: string, fail: Fail): number {
  const match = /^(\d+)([smhd]?)$/.exec(value);
  const seconds = match ? Number(match[1]) * SECONDS[(match[2] || 's') as keyof typeof SECONDS] : 0;
  return seconds > 0 ? seconds : fail(`must be a positive duration such as 900s, 15m, 12h or 30d (got "${value}")`);
}

const BYTES = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;

/** `100MB`, `512kb`, `1gb` or a bare number of bytes; units are binary (1 MB = 1024 × 1024 bytes). */
function size(value: string, fail: Fail): number {
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(value);
  const bytes = match ? Number(match[1]) * BYTES[(match[2] ?? 'b').toLowerCase() as keyof typeof BYTES] : 0;
  return bytes > 0 ? bytes : fail(`must be a positive size such as 512KB, 100MB or 1GB (got "${value}")`);
}

function secret(value: string, fail: Fail): string {
  return Buffer.byteLength(value) >= 32 ? value : fail('must be at least 32 bytes long');
}

function origins(value: string, fail: Fail): string[] {
  return value.split(',').map((origin) => {
    const trimmed = origin.trim().replace(/\/$/, '');
    const valid = URL.canParse(trimmed) && new URL(trimmed).origin === trimmed;
    return valid ? trimmed : fail(`must be a comma-separated list of origins like https://app.example.com (got "${origin.trim()}")`);
  });
}

const AUTH_VARIABLES = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'] as const;

function externalAuth(read: Read): Config['externalAuth'] {
  const [issuer, audience] = [read('AUTH_ISSUER'), read('AUTH_AUDIENCE')];
  const jwksUrl = read('AUTH_JWKS_URL', jwks);
  const set = [issuer, audience, jwksUrl];
  if (set.every((v) => v === undefined)) return undefined;
  const missing = AUTH_VARIABLES.find((_, i) => set[i] === undefined);
  if (missing) throw new ConfigError(missing, `must be set together with ${AUTH_VARIABLES.filter((v) => v !== missing).join(' and ')}`);
  return { issuer: issuer!, audience: audience!, jwksUrl: jwksUrl! };
}

/** Keys fetched over plain http could be swapped in transit; http is allowed only for this machine (tests). */
function jwks(value: string, fail: Fail): string {
  url(value, ['https:', 'http:'], fail);
  const { protocol, hostname } = new URL(value);
  const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  return protocol === 'https:' || loopback ? value : fail('must be an https:// URL (http:// only for localhost, 127.0.0.1 or [::1])');
}

function admin(read: Read): Config['admin'] {
  const username = read('ADMIN_USERNAME');
  const password = read('ADMIN_PASSWORD', (v, fail) => (strongPassword(v) ? v : fail(PASSWORD_RULE)));
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined) throw new ConfigError('ADMIN_USERNAME', 'must be set together with ADMIN_PASSWORD');
  if (password === undefined) throw new ConfigError('ADMIN_PASSWORD', 'must be set together with ADMIN_USERNAME');
  return { username, password };
}

const PASSWORD_RULE = 'must be 8–128 characters with a digit, a lower-case and an upper-case letter';
/** The same policy as sign-up, so an ADMIN_PASSWORD that passes here also passes EnsureAdmin. */
const strongPassword = (password: string) => {
  try {
    checkPasswordPolicy(password);
    return true;
  } catch {
    return false;
  }
};

/**
 * Outside production a missing JWT_SECRET is generated once and kept in DATA_DIR, so tokens
 * survive restarts without anyone choosing a secret. Production must set it explicitly.
 */
function developmentSecret(production: boolean, dataDir: string): string {
  if (production) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (at least 32 bytes)');
  const file = join(dataDir, 'jwt-secret');
  let stored: string;
  try {
    createDataDir(dataDir);
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(file, error);
  }
  try {
    chmodSync(file, 0o600);
    stored = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw unwritable(file, error);
  }
  return secret(stored, (problem) => {
    throw new ConfigError('JWT_SECRET', `${problem} (the generated one in ${file}; delete it to regenerate)`);
  });
}

const unwritable = (file: string, error: unknown) =>
  new ConfigError('DATA_DIR', `must be a writable directory (${(error as NodeJS.ErrnoException).code ?? 'error'} on ${file})`);
