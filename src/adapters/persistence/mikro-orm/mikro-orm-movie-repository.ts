import { expressionBuilder, sql } from 'kysely';
import type { GenreCount, MovieFilter, MovieRepository, MovieSortField } from '../../../application/ports/movie-repository.ts';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import { Movie } from '../../../domain/movie.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { estimateSource } from './kysely-count.ts';
import { compiledOnce, kyselyOf, translated, type MarqueeDatabase, type SqlOrm } from './kysely-database.ts';
import { listPage } from './kysely-paging.ts';
import { movieMapper, type MovieRow } from './movie-mapper.ts';
import { movieConditions, movieOrder } from './movie-query.ts';
import { movieConflict, movieUpdated } from './movie-update.ts';

/** The sort columns that may be null, which keyset paging must place last. */
const NULLABLE_SORTS: readonly MovieSortField[] = ['release_date', 'imdb_score', 'popularity', 'director'];

/** Movies in PostgreSQL or PGlite through MikroORM's Kysely, typed from MovieEntity; one statement per call. */
export class MikroOrmMovieRepository implements MovieRepository {
  private readonly orm: SqlOrm;
  private readonly countCap: number;
  private readonly byId;
  constructor(orm: SqlOrm, countCap: number = TOTAL_COUNT_CAP) {
    this.orm = orm;
    this.countCap = countCap;
    this.byId = compiledOnce<[id: number], MovieRow>(orm, (db) => db.selectFrom('movie').selectAll().where('id', '=', 0));
  }

  /** The hot path: one indexed lookup, no hydration into the identity map. */
  async findById(id: number): Promise<Movie | null> {
    const [row] = await this.byId(id);
    return row ? movieMapper.toDomain(row) : null;
  }

  async list(filter: MovieFilter, page: PageRequest<MovieSortField>): Promise<Page<Movie>> {
    const db = kyselyOf(this.orm);
    const conditions = movieConditions(expressionBuilder<MarqueeDatabase, 'movie'>(), filter);
    const matching = db.selectFrom('movie').where((eb) => eb.and(conditions));
    const rows = matching.selectAll();
    const order = movieOrder(filter, page);
    const estimateFrom = estimateSource('movie', conditions);
    const found = await listPage(db, { rows, matching, ...order, nullable: NULLABLE_SORTS, countCap: this.countCap, estimateFrom });
    return { ...found, items: found.items.map(movieMapper.toDomain) };
  }

  async insert(movie: Movie): Promise<Movie> {
    const query = kyselyOf(this.orm).insertInto('movie').values(movieMapper.toRow(movie)).returning('id');
    try {
      const { id } = await translated(query.executeTakeFirstOrThrow());
      return Movie.restore({ ...movie, id });
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? movieConflict() : error;
    }
  }

  /** Optimistic locking: the row changes only while its version is still the one the client read. */
  async update(movie: Movie, expectedVersion: number): Promise<boolean> {
    const query = kyselyOf(this.orm)
      .updateTable('movie')
      .set(movieMapper.toRow(movie))
      .where('id', '=', movie.id)
      .where('version', '=', expectedVersion);
    return movieUpdated(query.executeTakeFirst());
  }

  /** Castings go with the movie through the foreign key's ON DELETE CASCADE. */
  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    let query = kyselyOf(this.orm).deleteFrom('movie').where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const { numDeletedRows } = await translated(query.executeTakeFirst());
    return numDeletedRows === 1n;
  }

  /** Spellings differing only in case count as one genre, named by its first spelling in sort order. */
  async genres(): Promise<GenreCount[]> {
    const db = kyselyOf(this.orm);
    const genre = sql.ref<string>('genre');
    const query = db
      .selectFrom([
        db
          .selectFrom('movie')
          .select(sql<string>`unnest(${sql.ref('genres')})`.as('genre'))
          .as('spelled'),
      ])
      .select([sql<string>`min(${genre})`.as('name'), sql<number>`count(*)::int`.as('movies')])
      .groupBy(sql`lower(${genre})`)
      .orderBy(sql.ref('movies'), 'desc')
      .orderBy(sql.ref('name'), 'asc');
    return translated(query.execute());
  }
}
