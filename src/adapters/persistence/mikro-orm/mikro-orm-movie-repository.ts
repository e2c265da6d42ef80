import type { GenreCount, MovieFilter, MovieRepository, MovieSortField } from '../../../application/ports/movie-repository.ts';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import { conflict } from '../../../domain/errors.ts';
import { Movie } from '../../../domain/movie.ts';
import { UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { MOVIE_COLUMNS, MOVIE_SORT_COLUMNS, movieConditions, movieFromRow, movieValues, type MovieRow } from './movie-rows.ts';
import type { SqlClient } from './sql-client.ts';
import { listPage, SqlParams } from './sql-query.ts';

const movieConflict = () => conflict('MOVIE_CONFLICT', 'a movie with this title, director and release date exists');

/** Movies in PostgreSQL or PGlite, one parameterized statement per call. */
export class MikroOrmMovieRepository implements MovieRepository {
  private readonly sql: SqlClient;
  private readonly countCap: number;
  constructor(sql: SqlClient, countCap: number = TOTAL_COUNT_CAP) {
    this.sql = sql;
    this.countCap = countCap;
  }

  /** The hot path: one indexed lookup, no hydration. */
  async findById(id: number): Promise<Movie | null> {
    const { rows } = await this.sql.query<MovieRow>(`select ${MOVIE_COLUMNS} from movie where id = $1`, [id]);
    return rows[0] ? movieFromRow(rows[0]) : null;
  }

  list(filter: MovieFilter, page: PageRequest<MovieSortField>): Promise<Page<Movie>> {
    const params = new SqlParams();
    const conditions = movieConditions(filter, params);
    const query = {
      table: 'movie',
      columns: MOVIE_COLUMNS,
      conditions,
      params,
      page,
      sortColumns: MOVIE_SORT_COLUMNS,
      countCap: this.countCap,
    };
    return listPage(this.sql, query, movieFromRow);
  }

  async insert(movie: Movie): Promise<Movie> {
    const sql = `insert into movie (title, release_date, director, genres, popularity, imdb_score, created_at, updated_at, version)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`;
    try {
      const { rows } = await this.sql.query<{ id: number }>(sql, movieValues(movie));
      return Movie.restore({ ...movie, id: rows[0]!.id });
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? movieConflict() : error;
    }
  }

  async update(movie: Movie, expectedVersion: number): Promise<boolean> {
    const sql = `update movie set title = $1, release_date = $2, director = $3, genres = $4, popularity = $5, imdb_score = $6,
      created_at = $7, updated_at = $8, version = $9 where id = $10 and version = $11`;
    try {
      const { rowCount } = await this.sql.query(sql, [...movieValues(movie), movie.id, expectedVersion]);
      return rowCount === 1;
    } catch (error) {
      throw violates(error, UNIQUE_VIOLATION) ? movieConflict() : error;
    }
  }

  /** Castings go with the movie through the foreign key's ON DELETE CASCADE. */
  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    const { rowCount } =
      expectedVersion === undefined
        ? await this.sql.query('delete from movie where id = $1', [id])
        : await this.sql.query('delete from movie where id = $1 and version = $2', [id, expectedVersion]);
    return rowCount === 1;
  }

  /** Spellings differing only in case count as one genre, named by its first spelling in sort order. */
  async genres(): Promise<GenreCount[]> {
    const { rows } = await this.sql.query<GenreCount>(
      `select min(genre) as name, count(*)::int as movies from movie, unnest(genres) as genre
       group by lower(genre) order by movies desc, name asc`,
    );
    return rows;
  }
}
