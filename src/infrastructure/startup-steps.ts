import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * The lines a start-up prints, one per step, so a person watching `npm start` (or a CLI) sees
 * which database it opens and where the seconds go. The same lines for the server and CLIs.
 */

/** Receives one line per step; the server logs them, a CLI writes them to stderr. */
export type StepLog = (message: string) => void;

/** Which database, in words a person recognises: never the password of a PostgreSQL URL. */
export function describeDatabase(databaseUrl: string | undefined, dataDir: string): string {
  if (!databaseUrl) return `PGlite in ${resolve(dataDir)}`;
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `PostgreSQL ${user}${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** True when PGlite has no cluster in `dataDir` yet: opening it runs initdb, the slow part of a first start. */
export function isNewPgliteDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

/** "1.23 s": how long a step took since `startedAt` (a performance.now() reading). */
export function secondsSince(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(2)} s`;
}

export function migrationsLine(applied: string[], startedAt: number): string {
  if (applied.length === 0) return `Migrations: none pending (checked in ${secondsSince(startedAt)})`;
  return `Migrations applied: ${applied.length} (${applied.join(', ')}) in ${secondsSince(startedAt)}`;
}

/** A CLI's step lines go to stderr: stdout carries its result (a report, a created user). */
export const toStderr: StepLog = (message) => console.error(message);
