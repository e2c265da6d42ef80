import { setTimeout as sleep } from 'node:timers/promises';
import { databaseUnavailable } from '../adapters/persistence/mikro-orm/index.ts';
import { DomainError } from '../domain/errors.ts';
import { openDatabase, type Database, type DatabaseOptions } from './database.ts';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * A database that may not be open yet. When PostgreSQL is unreachable at start the process
 * still comes up: the repositories answer `unavailable` (503) until a background loop,
 * backing off, has opened and migrated the database. Once open, the pg pool reconnects by
 * itself after later outages, so the loop runs only until the first success.
 */
export interface ResilientDatabase {
  repositories: Database['repositories'];
  /** The open database, or undefined while still trying. */
  current(): Database | undefined;
  /** Resolves once the database is open (never, if closed first). */
  opened: Promise<Database>;
  ping(): Promise<boolean>;
  /** pg pool usage; undefined for PGlite or before opening. */
  poolStats(): PoolStats | undefined;
  close(): Promise<void>;
}

export interface RetryOptions {
  /** First wait after a failed attempt; doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  onRetry?: (error: unknown, delayMs: number) => void;
}

/**
 * Tries once. Success or an error other than "unavailable" (a broken migration, bad
 * credentials) settles here as with `openDatabase`; unavailable goes on in the background.
 */
export async function openResilientDatabase(options: DatabaseOptions, retry: RetryOptions = {}): Promise<ResilientDatabase> {
  let database: Database | undefined;
  let closed = false;
  let markOpen!: (database: Database) => void;
  const opened = new Promise<Database>((resolve) => (markOpen = resolve));
  const settle = (open: Database) => {
    if (closed) return void open.close();
    database = open;
    markOpen(open);
  };

  const first = await openDatabase(options).catch((error: unknown) => {
    if (!isUnavailable(error)) throw error;
    retry.onRetry?.(error, retry.initialDelayMs ?? 500);
    return undefined;
  });
  if (first) settle(first);
  else void keepTrying(options, retry, () => closed).then((open) => open && settle(open));

  const repositories = deferredRepositories(() => database);
  return {
    repositories,
    current: () => database,
    opened,
    ping: () => (database ? database.ping() : Promise.resolve(false)),
    poolStats: () => poolStatsOf(database),
    close: async () => {
      closed = true;
      await database?.close();
    },
  };
}

async function keepTrying(options: DatabaseOptions, retry: RetryOptions, closed: () => boolean): Promise<Database | undefined> {
  let delay = retry.initialDelayMs ?? 500;
  for (;;) {
    await sleep(delay);
    if (closed()) return undefined;
    try {
      return await openDatabase(options);
    } catch (error) {
      delay = Math.min(delay * 2, retry.maxDelayMs ?? 5_000);
      retry.onRetry?.(error, delay);
    }
  }
}

const isUnavailable = (error: unknown) => error instanceof DomainError && error.kind === 'unavailable';

type Repositories = Database['repositories'];

/** Each repository forwards every call to the open database's, or rejects with `unavailable`. */
function deferredRepositories(current: () => Database | undefined): Repositories {
  const forward = <K extends keyof Repositories>(key: K): Repositories[K] =>
    new Proxy({} as Repositories[K], {
      get(_target, property) {
        // Not a thenable, not iterable: only method names are forwarded.
        if (typeof property === 'symbol' || property === 'then') return undefined;
        return (...args: unknown[]) => {
          const target = current()?.repositories[key] as Record<string, (...a: unknown[]) => unknown> | undefined;
          if (!target) return Promise.reject(databaseUnavailable());
          return target[property]!.apply(target, args);
        };
      },
    });
  // Listed, not mapped from a key list, so the type is checked: a required repository left out fails to compile.
  return {
    movies: forward('movies'),
    actors: forward('actors'),
    castings: forward('castings'),
    users: forward('users'),
    sessions: forward('sessions'),
    movieImports: forward('movieImports'),
    importJobs: forward('importJobs'),
    roles: forward('roles'),
    auditions: forward('auditions'),
    castingDesk: forward('castingDesk'),
    availability: forward('availability'),
  };
}

function poolStatsOf(database: Database | undefined): PoolStats | undefined {
  const pool = database?.native;
  if (!pool || !('totalCount' in pool)) return undefined; // PGlite has no pool
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
