import type { CastingDesk, CastingDeskTransaction } from '../../../application/ports/casting-desk.ts';
import { workflowKysely } from './casting-workflow-kysely.ts';
import type { SqlOrm } from './kysely-database.ts';
import { MikroOrmCastingDeskTransaction } from './mikro-orm-casting-desk-transaction.ts';
import { transactionRunnerOf, type NativeClient, type RunInTransaction } from './sql-transaction.ts';

/**
 * The casting workflow's unit of work: one database transaction (READ COMMITTED) on one
 * connection, whose statements Kysely builds from the entities. The rules a race could
 * break are held by row locks taken in one order (role, audition, actor) and by the
 * partial unique index on live auditions; on PGlite transactions run one at a time.
 */
export class MikroOrmCastingDesk implements CastingDesk {
  private readonly orm: SqlOrm;
  private readonly run: RunInTransaction;
  constructor(orm: SqlOrm, native: NativeClient) {
    this.orm = orm;
    this.run = transactionRunnerOf(native);
  }

  transaction<T>(work: (tx: CastingDeskTransaction) => Promise<T>): Promise<T> {
    return this.run((sql) => work(new MikroOrmCastingDeskTransaction(workflowKysely(this.orm), sql)));
  }
}
