import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/*
 * The embedded database (PGlite) belongs to one process: two processes writing one PGlite
 * directory corrupt it silently (duplicate keys past a unique index, lost rows). Whoever opens
 * DATA_DIR first holds DATA_DIR/marquee.lock; anyone else is refused with one line.
 *
 * Why a lock file and how it stays safe:
 * - Node has no flock(). The lock file is written whole under a unique temporary name and
 *   then hard-linked to `marquee.lock`: link() fails with EEXIST if the name exists, so of
 *   two starters exactly one gets it, and nobody ever reads a half-written lock.
 * - A holder killed with SIGKILL leaves its file behind. It is stale when its pid is not alive
 *   (process.kill(pid, 0) fails with ESRCH), or when it names this very process's pid without
 *   this process holding it (a restarted container reuses pids).
 * - Removing a stale lock is the racy part: A and B both see it stale, A removes it and takes
 *   the lock, then B would remove A's fresh lock. So a remover first takes a second lock file,
 *   `marquee.lock.break` (same link() trick), then checks that the lock still has the very
 *   content it judged stale (each lock carries a random nonce) before unlinking it. While the
 *   stale file exists nobody can link a new one, so check-then-unlink under the break lock
 *   cannot remove a live lock. A break lock is held for microseconds; one left by a holder that
 *   died inside that window is removed when its pid is dead.
 */

const LOCK_FILE = 'marquee.lock';
const ATTEMPTS = 10;

interface LockHolder {
  pid: number;
  command: string;
  since: string;
  nonce: string;
}

/** Thrown when another live process holds DATA_DIR; the message is the one line to print. */
export class DataDirLockedError extends Error {
  readonly holderPid: number;

  constructor(dataDir: string, holder: LockHolder) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${holder.pid} (${describe(holder.command)}, since ${holder.since}): ` +
        'the embedded database belongs to one process. Stop that process first, or do this through its HTTP API ' +
        '(imports: POST /movies/import; users: POST /register and PATCH /users/:id), ' +
        'or set DATABASE_URL to a PostgreSQL server, which any number of processes can share.',
    );
    this.name = 'DataDirLockedError';
    this.holderPid = holder.pid;
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still this process's; idempotent. */
  release(): void;
}

const PRIVATE_DIR_MODE = 0o700;

/**
 * DATA_DIR is private to its owner (DESIGN §4); every place Marquee creates it goes through
 * here. The umask only ever narrows mkdir's mode, so this needs no strict umask (a plain
 * mkdir under the usual 022 gives 0755).
 */
export function createDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Lock files this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

/**
 * Creates DATA_DIR (0700) if needed, makes it private, and takes its lock or throws
 * DataDirLockedError. Files the process creates from now on are private too (umask 077).
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const directory = resolve(dataDir);
  createDataDir(directory);
  chmodSync(directory, PRIVATE_DIR_MODE); // one made 0755 by an older Marquee or by hand
  process.umask(0o077);
  const path = join(directory, LOCK_FILE);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const mine = ownHolder();
    if (createExclusively(path, mine)) return holding(path, mine);
    const holder = readHolder(path);
    if (holder === undefined) continue; // released between our two steps: try again
    if (!isStale(path, holder)) throw new DataDirLockedError(directory, holder);
    removeStale(path, holder);
  }
  throw new Error(`could not lock DATA_DIR ${directory}: ${path} kept changing; try again`);
}

/**
 * The same refusal, checked before a process loads the database code (seconds on a busy
 * machine), so a second opener is turned away at once. Does not lock: openDatabase does.
 */
export function refuseIfHeld(dataDir: string): void {
  const directory = resolve(dataDir);
  const path = join(directory, LOCK_FILE);
  const holder = readHolder(path);
  if (holder && !isStale(path, holder)) throw new DataDirLockedError(directory, holder);
}

function ownHolder(): LockHolder {
  const command = basename(process.argv[1] ?? 'node');
  return { pid: process.pid, command, since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') };
}

/** Writes the holder to a unique name, then links it to `path`: false if `path` exists. */
function createExclusively(path: string, holder: LockHolder): boolean {
  const draft = `${path}.${holder.pid}.${holder.nonce}`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function holding(path: string, mine: LockHolder): DataDirLock {
  held.add(path);
  const release = () => {
    process.removeListener('exit', release);
    if (!held.delete(path)) return;
    if (readHolder(path)?.nonce === mine.nonce) unlinkQuietly(path);
  };
  process.on('exit', release);
  return { release };
}

function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.nonce === 'string') return { command: '?', since: '?', ...parsed } as LockHolder;
  } catch {
    // not ours, or damaged by hand: treated as a holder that cannot be alive
  }
  return { pid: 0, command: 'unreadable lock file', since: '?', nonce: text };
}

function isStale(path: string, holder: LockHolder): boolean {
  if (holder.pid === process.pid) return !held.has(path);
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM'; // alive, but another user's
  }
}

/** Unlinks `path` only if it still holds `stale`, under the break lock (see the top comment). */
function removeStale(path: string, stale: LockHolder): void {
  const breakPath = `${path}.break`;
  const breaker = ownHolder();
  if (!createExclusively(breakPath, breaker)) {
    const other = readHolder(breakPath);
    if (other && !isAlive(other.pid)) unlinkQuietly(breakPath);
    pause(20); // another starter is removing it right now
    return;
  }
  try {
    if (readHolder(path)?.nonce === stale.nonce) unlinkQuietly(path);
  } finally {
    unlinkQuietly(breakPath);
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

const COMMANDS: Record<string, string> = {
  'main.ts': 'the Marquee server, npm start',
  'import.ts': 'npm run import',
  'create-user.ts': 'npm run user:create',
  'migrate.ts': 'npm run migrate',
  'mikro-orm': 'the MikroORM CLI, npm run migration:create',
  'cli.js': 'the MikroORM CLI, npm run migration:create',
};

const describe = (command: string) => COMMANDS[command] ?? command;

/** Opens something that lives in DATA_DIR while holding its lock; closing it releases the lock. */
export async function holdingDataDir<T extends { close(): Promise<void> }>(dataDir: string, open: () => Promise<T>): Promise<T> {
  const lock = lockDataDir(dataDir);
  const opened = await open().catch((error: unknown) => {
    lock.release();
    throw error;
  });
  const close = opened.close.bind(opened);
  opened.close = () => close().finally(lock.release);
  return opened;
}
