import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ImportJobQuery } from '../../../application/ports/import-job-repository.ts';
import type { MarqueeDatabase } from './kysely-database.ts';

type Jobs = ExpressionBuilder<MarqueeDatabase, 'import_job'>;

/**
 * The list's state filter: the SQL form of `observedState`. A running job that stopped beating
 * before `staleBefore` has failed, unless this process knows it to be alive (`aliveIds`: PGlite
 * keeps their progress in memory while the import holds the one connection). No filter: every job.
 */
export function importJobCondition(eb: Jobs, query: ImportJobQuery, aliveIds: number[]): Expression<SqlBool> {
  const staleBefore = query.staleBefore.toISOString();
  const alive = sql<SqlBool>`${eb.ref('id')} = any(${aliveIds}::int[])`;
  switch (query.state) {
    case 'running':
      return eb.and([eb('state', '=', 'running'), eb.or([eb('heartbeat_at', '>=', staleBefore), alive])]);
    case 'failed': {
      const abandoned = eb.and([eb('state', '=', 'running'), eb('heartbeat_at', '<', staleBefore), eb.not(alive)]);
      return eb.or([eb('state', '=', 'failed'), abandoned]);
    }
    case 'succeeded':
      return eb('state', '=', 'succeeded');
    default:
      return sql<SqlBool>`true`;
  }
}
