import type { Movie } from '../../../domain/movie.ts';
import { IMPORT_LOCK_KEY, type Statement } from './movie-import-rows.ts';

/**
 * The one connection an import runs on, inside its transaction. Failures come out translated.
 * `Prepared` is how it sends new movies (COPY text on PostgreSQL, a statement on PGlite).
 */
export interface ImportConnection<Prepared> {
  rows<R>(statement: Statement): Promise<R[]>;
  /**
   * New movies as `insert` sends them, ids to follow their order. Built apart from `insert` so
   * the writer can build them while the database still stores the batch before.
   */
  prepareInsert(movies: readonly Movie[]): Prepared;
  /**
   * Inserts prepared movies. Resolves once the rows are on their way, with the promise of
   * their being stored: the caller goes on reading while the database works.
   */
  insert(prepared: Prepared): Promise<{ stored: Promise<void> }>;
  /**
   * Runs a read on a second connection, outside the import's transaction (it sees committed
   * rows only), while the first works: PostgreSQL's; PGlite has one connection and no probe.
   */
  readonly probe?: <R>(statement: Statement) => Promise<R[]>;
}

const LOOKUP_PLAN = `set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)`;

/** The probe's transaction plans its lookups the same way (index lookups only); it takes no lock. */
export const probeSettings: Statement = { sql: `select ${LOOKUP_PLAN}`, parameters: [] };

/**
 * First thing in an import: the advisory lock, and index lookups only for this transaction. The
 * table grows under the import faster than its statistics: planned from them, a batch's lookup
 * by natural key became a hash join over a scan of the whole table (EXPLAIN ANALYZE at 100,000
 * rows: 460 ms per batch of 1,000, growing with the table, against about 10 ms through the index).
 */
export const importSettings: Statement = {
  sql: `select pg_advisory_xact_lock($1), ${LOOKUP_PLAN}`,
  parameters: [IMPORT_LOCK_KEY],
};
