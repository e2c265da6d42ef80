import type { CastingRepository, CastMember, MovieWithCast, Role } from '../../../application/ports/casting-repository.ts';
import type { Casting } from '../../../domain/casting.ts';
import { conflict, notFound } from '../../../domain/errors.ts';
import { ACTOR_COLUMNS, actorFromRow, type ActorRow } from './actor-rows.ts';
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { MOVIE_COLUMNS, movieFromRow, type MovieRow } from './movie-rows.ts';
import type { SqlClient } from './sql-client.ts';

/** Joined rows carry the casting's columns under names no entity uses. */
const CASTING_COLUMNS = 'casting."character" as cast_character, casting.billing_order as cast_billing_order';
type Joined<R> = R & { cast_character: string | null; cast_billing_order: number | null };

export class MikroOrmCastingRepository implements CastingRepository {
  private readonly sql: SqlClient;
  constructor(sql: SqlClient) {
    this.sql = sql;
  }

  /** The database decides: the primary key catches a second casting, the foreign keys a missing movie or actor. */
  async insert(casting: Casting): Promise<Casting> {
    const values = [casting.movieId, casting.actorId, casting.character, casting.billingOrder];
    try {
      await this.sql.query('insert into casting (movie_id, actor_id, "character", billing_order) values ($1, $2, $3, $4)', values);
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
    const { rowCount } = await this.sql.query('delete from casting where movie_id = $1 and actor_id = $2', [movieId, actorId]);
    return rowCount === 1;
  }

  /**
   * GET /movies/:id in one round trip: the cast comes back as a JSON array beside the movie's
   * columns, in castOf's order, with the same column aliases so the same mappers apply.
   */
  async movieWithCast(movieId: number): Promise<MovieWithCast | null> {
    const { rows } = await this.sql.query<MovieRow & { cast_rows: Joined<ActorRow>[] }>(
      `select ${MOVIE_COLUMNS}, (select coalesce(json_agg(member order by member.cast_billing_order asc nulls last, member.id asc), '[]')
         from (select ${ACTOR_COLUMNS}, ${CASTING_COLUMNS} from casting join actor on actor.id = casting.actor_id
               where casting.movie_id = movie.id) as member) as cast_rows
       from movie where id = $1`,
      [movieId],
    );
    const row = rows[0];
    if (!row) return null;
    return { movie: movieFromRow(row), cast: row.cast_rows.map(castMemberFromRow) };
  }

  async castOf(movieId: number): Promise<CastMember[]> {
    const { rows } = await this.sql.query<Joined<ActorRow>>(
      `select ${ACTOR_COLUMNS}, ${CASTING_COLUMNS} from casting join actor on actor.id = casting.actor_id
       where casting.movie_id = $1 order by casting.billing_order asc nulls last, actor.id asc`,
      [movieId],
    );
    return rows.map(castMemberFromRow);
  }

  async rolesOf(actorId: number): Promise<Role[]> {
    const { rows } = await this.sql.query<Joined<MovieRow>>(
      `select ${MOVIE_COLUMNS}, ${CASTING_COLUMNS} from casting join movie on movie.id = casting.movie_id
       where casting.actor_id = $1 order by movie.release_date asc nulls last, movie.id asc`,
      [actorId],
    );
    return rows.map((row) => ({ movie: movieFromRow(row), character: row.cast_character, billingOrder: row.cast_billing_order }));
  }
}

function castMemberFromRow(row: Joined<ActorRow>): CastMember {
  return { actor: actorFromRow(row), character: row.cast_character, billingOrder: row.cast_billing_order };
}
