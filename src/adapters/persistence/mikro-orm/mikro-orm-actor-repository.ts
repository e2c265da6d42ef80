import type { ActorFilter, ActorRepository, ActorSortField } from '../../../application/ports/actor-repository.ts';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import { Actor } from '../../../domain/actor.ts';
import { ACTOR_COLUMNS, ACTOR_SORT_COLUMNS, actorConditions, actorFromRow, actorValues, type ActorRow } from './actor-rows.ts';
import type { SqlClient } from './sql-client.ts';
import { listPage, SqlParams } from './sql-query.ts';

/** Actors in PostgreSQL or PGlite, one parameterized statement per call. */
export class MikroOrmActorRepository implements ActorRepository {
  private readonly sql: SqlClient;
  private readonly countCap: number;
  constructor(sql: SqlClient, countCap: number = TOTAL_COUNT_CAP) {
    this.sql = sql;
    this.countCap = countCap;
  }

  async findById(id: number): Promise<Actor | null> {
    const { rows } = await this.sql.query<ActorRow>(`select ${ACTOR_COLUMNS} from actor where id = $1`, [id]);
    return rows[0] ? actorFromRow(rows[0]) : null;
  }

  list(filter: ActorFilter, page: PageRequest<ActorSortField>): Promise<Page<Actor>> {
    const params = new SqlParams();
    const conditions = actorConditions(filter, params);
    const query = {
      table: 'actor',
      columns: ACTOR_COLUMNS,
      conditions,
      params,
      page,
      sortColumns: ACTOR_SORT_COLUMNS,
      countCap: this.countCap,
    };
    return listPage(this.sql, query, actorFromRow);
  }

  async insert(actor: Actor): Promise<Actor> {
    const sql = `insert into actor (name, age, gender, created_at, updated_at, version) values ($1, $2, $3, $4, $5, $6) returning id`;
    const { rows } = await this.sql.query<{ id: number }>(sql, actorValues(actor));
    return Actor.restore({ ...actor, id: rows[0]!.id });
  }

  async update(actor: Actor, expectedVersion: number): Promise<boolean> {
    const sql = `update actor set name = $1, age = $2, gender = $3, created_at = $4, updated_at = $5, version = $6 where id = $7 and version = $8`;
    const { rowCount } = await this.sql.query(sql, [...actorValues(actor), actor.id, expectedVersion]);
    return rowCount === 1;
  }

  /** Castings go with the actor through the foreign key's ON DELETE CASCADE. */
  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    const { rowCount } =
      expectedVersion === undefined
        ? await this.sql.query('delete from actor where id = $1', [id])
        : await this.sql.query('delete from actor where id = $1 and version = $2', [id, expectedVersion]);
    return rowCount === 1;
  }
}
