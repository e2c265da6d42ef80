import { expressionBuilder } from 'kysely';
import type { ActorFilter, ActorRepository, ActorSortField } from '../../../application/ports/actor-repository.ts';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import { Actor } from '../../../domain/actor.ts';
import { actorMapper, type ActorRow } from './actor-mapper.ts';
import { actorConditions, actorOrder } from './actor-query.ts';
import { estimateSource } from './kysely-count.ts';
import { compiledOnce, kyselyOf, translated, type MarqueeDatabase, type SqlOrm } from './kysely-database.ts';
import { listPage } from './kysely-paging.ts';

/** Actors in PostgreSQL or PGlite through MikroORM's Kysely, typed from ActorEntity; one statement per call. */
export class MikroOrmActorRepository implements ActorRepository {
  private readonly orm: SqlOrm;
  private readonly countCap: number;
  private readonly byId;
  constructor(orm: SqlOrm, countCap: number = TOTAL_COUNT_CAP) {
    this.orm = orm;
    this.countCap = countCap;
    this.byId = compiledOnce<[id: number], ActorRow>(orm, (db) => db.selectFrom('actor').selectAll().where('id', '=', 0));
  }

  async findById(id: number): Promise<Actor | null> {
    const [row] = await this.byId(id);
    return row ? actorMapper.toDomain(row) : null;
  }

  async list(filter: ActorFilter, page: PageRequest<ActorSortField>): Promise<Page<Actor>> {
    const db = kyselyOf(this.orm);
    const conditions = actorConditions(expressionBuilder<MarqueeDatabase, 'actor'>(), filter);
    const matching = db.selectFrom('actor').where((eb) => eb.and(conditions));
    const rows = matching.selectAll();
    const estimateFrom = estimateSource('actor', conditions);
    const found = await listPage(db, { rows, matching, ...actorOrder(filter, page), countCap: this.countCap, estimateFrom });
    return { ...found, items: found.items.map(actorMapper.toDomain) };
  }

  async insert(actor: Actor): Promise<Actor> {
    const query = kyselyOf(this.orm).insertInto('actor').values(actorMapper.toRow(actor)).returning('id');
    const { id } = await translated(query.executeTakeFirstOrThrow());
    return Actor.restore({ ...actor, id });
  }

  /** Optimistic locking: the row changes only while its version is still the one the client read. */
  async update(actor: Actor, expectedVersion: number): Promise<boolean> {
    const query = kyselyOf(this.orm)
      .updateTable('actor')
      .set(actorMapper.toRow(actor))
      .where('id', '=', actor.id)
      .where('version', '=', expectedVersion);
    const { numUpdatedRows } = await translated(query.executeTakeFirst());
    return numUpdatedRows === 1n;
  }

  /** Castings go with the actor through the foreign key's ON DELETE CASCADE. */
  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    let query = kyselyOf(this.orm).deleteFrom('actor').where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const { numDeletedRows } = await translated(query.executeTakeFirst());
    return numDeletedRows === 1n;
  }
}
