import { sql, type Expression, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CastingRepository, CastMember, MovieWithCast, Role } from '../../../application/ports/casting-repository.ts';
import type { Casting } from '../../../domain/casting.ts';
import { conflict, notFound } from '../../../domain/errors.ts';
import { CASTING_COLUMNS, castingMapper } from './casting-mapper.ts';
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { compiledOnce, kyselyOf, translated, type MarqueeDatabase, type SqlOrm } from './kysely-database.ts';
import { movieMapper } from './movie-mapper.ts';

/** Castings through MikroORM's Kysely, typed from CastingEntity; reads join movie and actor, compiled once. */
export class MikroOrmCastingRepository implements CastingRepository {
  private readonly orm: SqlOrm;
  private readonly reads;
  constructor(orm: SqlOrm) {
    this.orm = orm;
    this.reads = compiledReads(orm);
  }

  /** The database decides: the primary key catches a second casting, the foreign keys a missing movie or actor. */
  async insert(casting: Casting): Promise<Casting> {
    try {
      await translated(kyselyOf(this.orm).insertInto('casting').values(castingMapper.toRow(casting)).execute());
      return casting;
    } catch (error) {
      if (violates(error, UNIQUE_VIOLATION)) throw conflict('CASTING_CONFLICT', 'this actor is already cast in this movie');
      if (violates(error, FOREIGN_KEY_VIOLATION)) {
        throw error.constraint === 'casting_actor_id_foreign' ? notFound('actor', casting.actorId) : notFound('movie', casting.movieId);
      }
      throw error;
    }
  }

  async delete(movieId: number, actorId: number): Promise<boolean> {
    const query = kyselyOf(this.orm).deleteFrom('casting').where('movie_id', '=', movieId).where('actor_id', '=', actorId);
    const { numDeletedRows } = await translated(query.executeTakeFirst());
    return numDeletedRows === 1n;
  }

  /** GET /movies/:id in one round trip: the cast comes back as a JSON array beside the movie's columns, in castOf's order. */
  async movieWithCast(movieId: number): Promise<MovieWithCast | null> {
    const [row] = await this.reads.movieWithCast(movieId);
    if (!row) return null;
    return { movie: movieMapper.toDomain(row), cast: row.cast_rows.map(castingMapper.toCastMember) };
  }

  async castOf(movieId: number): Promise<CastMember[]> {
    return (await this.reads.castOf(movieId)).map(castingMapper.toCastMember);
  }

  async rolesOf(actorId: number): Promise<Role[]> {
    return (await this.reads.rolesOf(actorId)).map(castingMapper.toRole);
  }
}

/** The three reads, each built once from the typed schema (placeholder ids) and compiled on first use. */
function compiledReads(orm: SqlOrm) {
  return {
    movieWithCast: compiledOnce(orm, (db) =>
      db
        .selectFrom('movie')
        .selectAll('movie')
        .select(() => jsonArrayFrom(castQuery(db, sql.ref<number>('movie.id'))).as('cast_rows'))
        .where('movie.id', '=', 0),
    ),
    castOf: compiledOnce(orm, (db) => castQuery(db, sql.val(0))),
    rolesOf: compiledOnce(orm, (db) =>
      db
        .selectFrom('casting')
        .innerJoin('movie', 'movie.id', 'casting.movie_id')
        .selectAll('movie')
        .select(CASTING_COLUMNS)
        .where('casting.actor_id', '=', 0)
        .orderBy('movie.release_date', (ob) => ob.asc().nullsLast())
        .orderBy('movie.id', 'asc'),
    ),
  };
}

/** A movie's cast in billing order (unbilled last), then by actor id. */
function castQuery(db: Kysely<MarqueeDatabase>, movieId: Expression<number>) {
  return db
    .selectFrom('casting')
    .innerJoin('actor', 'actor.id', 'casting.actor_id')
    .selectAll('actor')
    .select(CASTING_COLUMNS)
    .where(sql.ref('casting.movie_id'), '=', movieId)
    .orderBy('casting.billing_order', (ob) => ob.asc().nullsLast())
    .orderBy('actor.id', 'asc');
}
