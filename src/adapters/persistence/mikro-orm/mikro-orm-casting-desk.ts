import type { CastingDesk, CastingDeskTransaction } from '../../../application/ports/casting-desk.ts';
import { workflowKysely } from './casting-workflow-kysely.ts';
import type { SqlOrm } from './kysely-database.ts';
import { inTransaction } from './kysely-transaction.ts';
import { MikroOrmCastingDeskTransaction } from './mikro-orm-casting-desk-transaction.ts';

/**
 * The casting workflow's unit of work: one database transaction (READ COMMITTED) on one
 * connection, whose statements Kysely builds from the entities. The rules a race could
 * break are held by row locks taken in one order (role, audition, movie, actor) and by the
 * partial unique index on live auditions; on PGlite transactions run one at a time.
 */
export class MikroOrmCastingDesk implements CastingDesk {
  private readonly orm: SqlOrm;
  constructor(orm: SqlOrm) {
    this.orm = orm;
  }

  transaction<T>(work: (tx: CastingDeskTransaction) => Promise<T>): Promise<T> {
    return inTransaction(workflowKysely(this.orm), (trx) => work(new MikroOrmCastingDeskTransaction(trx)));
  }
}
