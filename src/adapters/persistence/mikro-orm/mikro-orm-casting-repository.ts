import { sql, type Expression, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CastingRepository, CastMember, MovieWithCast, Role } from '../../../application/ports/casting-repository.ts';
import type { Casting } from '../../../domain/casting.ts';
import { conflict, notFound } from '../../../domain/errors.ts';
import { CASTING_COLUMNS, castingMapper } from './casting-mapper.ts';
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { catalogKysely, translated, type CatalogDatabase, type SqlOrm } from './kysely-database.ts';
import { movieMapper } from './movie-mapper.ts';

/** Castings through MikroORM's Kysely, typed from CastingEntity; reads join movie and actor. */
export class MikroOrmCastingRepository implements CastingRepository {
  private readonly orm: SqlOrm;
  constructor(orm: SqlOrm) {
    this.orm = orm;
  }

  /** The database decides: the primary key catches a second casting, the foreign keys a missing movie or actor. */
  async insert(casting: Casting): Promise<Casting> {
    try {
      await translated(catalogKysely(this.orm).insertInto('casting').values(castingMapper.toRow(casting)).execute());
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
    const query = catalogKysely(this.orm).deleteFrom('casting').where('movie_id', '=', movieId).where('actor_id', '=', actorId);
    const { numDeletedRows } = await translated(query.executeTakeFirst());
    return numDeletedRows === 1n;
  }

  /** GET /movies/:id in one round trip: the cast comes back as a JSON array beside the movie's columns, in castOf's order. */
  async movieWithCast(movieId: number): Promise<MovieWithCast | null> {
    const db = catalogKysely(this.orm);
    const query = db
      .selectFrom('movie')
      .selectAll('movie')
      .select(() => jsonArrayFrom(castQuery(db, sql.ref<number>('movie.id'))).as('cast_rows'))
      .where('movie.id', '=', movieId);
    const row = await translated(query.executeTakeFirst());
    if (!row) return null;
    return { movie: movieMapper.toDomain(row), cast: row.cast_rows.map(castingMapper.toCastMember) };
  }

  async castOf(movieId: number): Promise<CastMember[]> {
    const rows = await translated(castQuery(catalogKysely(this.orm), sql.val(movieId)).execute());
    return rows.map(castingMapper.toCastMember);
  }

  async rolesOf(actorId: number): Promise<Role[]> {
    const query = catalogKysely(this.orm)
      .selectFrom('casting')
      .innerJoin('movie', 'movie.id', 'casting.movie_id')
      .selectAll('movie')
      .select(CASTING_COLUMNS)
      .where('casting.actor_id', '=', actorId)
      .orderBy('movie.release_date', sql`asc nulls last`)
      .orderBy('movie.id', sql`asc`);
    const rows = await translated(query.execute());
    return rows.map(castingMapper.toRole);
  }
}

/** A movie's cast in billing order (unbilled last), then by actor id. */
function castQuery(db: Kysely<CatalogDatabase>, movieId: Expression<number>) {
  return db
    .selectFrom('casting')
    .innerJoin('actor', 'actor.id', 'casting.actor_id')
    .selectAll('actor')
    .select(CASTING_COLUMNS)
    .where(sql.ref('casting.movie_id'), '=', movieId)
    .orderBy('casting.billing_order', sql`asc nulls last`)
    .orderBy('actor.id', sql`asc`);
}
