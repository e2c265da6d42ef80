import type { InferKyselyDB } from '@mikro-orm/postgresql';
import type { Compilable, Kysely } from 'kysely';
import type { ActorEntity } from './actor-entity.ts';
import type { CastingEntity } from './casting-entity.ts';
import type { AuditionChangeEntity, AuditionEntity, MovieRoleEntity } from './casting-workflow-entities.ts';
import { instantFromText, type DriverTables, type SqlOrm } from './kysely-database.ts';
import type { MovieEntity } from './movie-entity.ts';
import type { SqlClient } from './sql-client.ts';

type Entities =
  | typeof MovieEntity
  | typeof ActorEntity
  | typeof CastingEntity
  | typeof MovieRoleEntity
  | typeof AuditionEntity
  | typeof AuditionChangeEntity;

/** The tables the casting workflow reads and writes, typed from their entity declarations. */
export type WorkflowDatabase = DriverTables<InferKyselyDB<Entities>>;

export const workflowKysely = (orm: SqlOrm): Kysely<WorkflowDatabase> => orm.em.fork().getKysely<WorkflowDatabase>();

/**
 * Runs a Kysely-built statement on a transaction's connection: Kysely writes the SQL from
 * the entities' column names, the transaction runner (sql-transaction.ts) owns the
 * connection, so its row locks hold until that transaction ends.
 */
export async function runOn<R>(sql: SqlClient, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  const { rows } = await sql.query<R & object>(compiled.sql, compiled.parameters);
  return rows;
}

/** A timestamptz as the driver returned it: text from MikroORM's parsers, a Date from a bare one. */
export const instantOf = (value: string | Date): Date => (value instanceof Date ? value : instantFromText(value));

/** A `date` column as YYYY-MM-DD, whichever way the driver returned it. */
export function dateOf(value: string | Date | null): string | null {
  if (value === null || typeof value === 'string') return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
