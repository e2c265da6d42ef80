import type { InferKyselyDB } from '@mikro-orm/postgresql';
import type { Kysely } from 'kysely';
import type { ActorEntity } from './actor-entity.ts';
import type { CastingEntity } from './casting-entity.ts';
import type { AuditionChangeEntity, AuditionEntity, MovieRoleEntity } from './casting-workflow-entities.ts';
import { instantFromText, translated, type DriverTables, type SqlOrm } from './kysely-database.ts';
import type { MovieEntity } from './movie-entity.ts';

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

/** A statement of an open transaction, run with its failure translated (see `translated`). */
export const rowsOf = <R>(query: { execute(): Promise<R[]> }): Promise<R[]> => translated(query.execute());

/** A timestamptz as the driver returned it: text from MikroORM's parsers, a Date from a bare one. */
export const instantOf = (value: string | Date): Date => (value instanceof Date ? value : instantFromText(value));

/** A `date` column as YYYY-MM-DD, whichever way the driver returned it. */
export function dateOf(value: string | Date | null): string | null {
  if (value === null || typeof value === 'string') return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
