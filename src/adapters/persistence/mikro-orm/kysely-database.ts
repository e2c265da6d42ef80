import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver, InferKyselyDB } from '@mikro-orm/postgresql';
import type { ColumnType, Kysely } from 'kysely';
import { type ActorEntity } from './actor-entity.ts';
import { type CastingEntity } from './casting-entity.ts';
import { translateDatabaseError } from './database-errors.ts';
import { type MovieEntity } from './movie-entity.ts';

/** MikroORM on PostgreSQL or PGlite: both drivers are SQL drivers with a Kysely connection. */
export type SqlOrm = MikroORM<AbstractSqlDriver>;

/**
 * MikroORM's PostgreSQL and PGlite connections keep `date` and `timestamptz` values as the
 * text the server sends (its type parsers), and the raw Kysely instance does not convert
 * results; the row types say so, and the mappers parse the text.
 */
type AsDriverReturns<T> =
  T extends ColumnType<infer S, infer I, infer U>
    ? ColumnType<AsDriverReturns<S>, AsDriverReturns<I>, AsDriverReturns<U>>
    : T extends Date
      ? string
      : T;
export type DriverTables<DB> = { [Table in keyof DB]: { [Column in keyof DB[Table]]: AsDriverReturns<DB[Table][Column]> } };

/** The catalog's tables as Kysely sees them, inferred from the entity declarations. */
export type CatalogDatabase = DriverTables<InferKyselyDB<typeof MovieEntity | typeof ActorEntity | typeof CastingEntity>>;

/**
 * A Kysely query builder on a fresh EntityManager fork: no identity map shared between
 * requests, and inside `em.transactional` it would join the transaction. Without naming or
 * conversion plugins it adds nothing to a statement's cost but building its SQL.
 */
export const catalogKysely = (orm: SqlOrm): Kysely<CatalogDatabase> => orm.em.fork().getKysely<CatalogDatabase>();

/** Every statement's failure leaves translated: ORM and driver errors never reach HTTP. */
export async function translated<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** `timestamptz` text (`2024-01-01 10:00:00.123+00`) as a Date; ISO form, so years below 100 stay themselves. */
export function instantFromText(text: string): Date {
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso);
}
