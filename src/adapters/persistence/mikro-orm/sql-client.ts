import { translateDatabaseError } from './database-errors.ts';

export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/**
 * One parameterized statement at a time ($1, $2, …), sent as real bind parameters. Both
 * PostgreSQL's pool and PGlite take the same call, so the repositories speak plain SQL to
 * either; no identity map, no hydration, safe for concurrent requests.
 */
export interface SqlClient {
  query<R extends object>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
}

/** What `pg.Pool` and `PGlite` have in common. */
export interface NativeQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null; affectedRows?: number }>;
}

/** Wraps a driver; every error leaves it translated (see `translateDatabaseError`). */
export function sqlClientOf(native: NativeQueryable): SqlClient {
  return {
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await native.query(sql, params as unknown[]);
        return { rows: result.rows as R[], rowCount: result.rowCount ?? result.affectedRows ?? 0 };
      } catch (error) {
        throw translateDatabaseError(error);
      }
    },
  };
}
