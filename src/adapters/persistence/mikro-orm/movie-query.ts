import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { MovieFilter, MovieSortField } from '../../../application/ports/movie-repository.ts';
import type { PageRequest, SortKey } from '../../../application/ports/paging.ts';
import type { MarqueeDatabase } from './kysely-database.ts';
import { equalsIgnoringCase, rangeConditions } from './kysely-list.ts';
import { textMatches, textRank } from './text-search.ts';
import { textTiers } from './text-tiers.ts';

type MovieColumn = keyof MarqueeDatabase['movie'] & string;

export const MOVIE_SORT_COLUMNS: Record<MovieSortField, MovieColumn> = {
  title: 'title',
  release_date: 'release_date',
  imdb_score: 'imdb_score',
  popularity: 'popularity',
  director: 'director',
  created_at: 'created_at',
  id: 'id',
};

type MovieOrderField = MovieSortField | 'relevance';

/** The order of a list: the client's sort, or with `q` and no sort the best match (search tier), then the most popular; listPage adds id last. */
export function movieOrder(filter: MovieFilter, page: PageRequest<MovieSortField>) {
  const sortColumns: Record<MovieOrderField, MovieColumn | Expression<unknown>> = { ...MOVIE_SORT_COLUMNS, relevance: sql`0` };
  if (filter.q === undefined || page.sort.length > 0) return { page: page as PageRequest<MovieOrderField>, sortColumns };
  const [title, others] = [sql.ref<string>('movie.title'), [sql.ref<string | null>('movie.director')]];
  sortColumns.relevance = textRank(title, others, filter.q);
  const sort: SortKey<MovieOrderField>[] = [
    { field: 'relevance', direction: 'asc' },
    { field: 'popularity', direction: 'desc' },
  ];
  return { page: { ...page, sort }, sortColumns, ranked: { table: 'movie', tiers: textTiers(title, others, filter.q) } };
}

/** Genres compare ignoring case: both sides go through lower_text_array, which the GIN index covers. */
export function movieConditions(eb: ExpressionBuilder<MarqueeDatabase, 'movie'>, filter: MovieFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.q !== undefined) conditions.push(textMatches([eb.ref('movie.title'), eb.ref('movie.director')], filter.q));
  if (filter.director !== undefined) conditions.push(equalsIgnoringCase(eb.ref('movie.director'), filter.director));
  const genres = sql`lower_text_array(${eb.ref('movie.genres')})`;
  if (filter.genresAll?.length) conditions.push(sql<SqlBool>`${genres} @> lower_text_array(${filter.genresAll}::text[])`);
  if (filter.genresAny?.length) conditions.push(sql<SqlBool>`${genres} && lower_text_array(${filter.genresAny}::text[])`);
  conditions.push(...rangeConditions(eb.ref('movie.imdb_score'), filter.imdbScore));
  conditions.push(...rangeConditions(eb.ref('movie.popularity'), filter.popularity));
  conditions.push(...rangeConditions(eb.ref('movie.release_date'), filter.releaseDate));
  if (filter.idAfter !== undefined) conditions.push(eb('movie.id', '>', filter.idAfter));
  if (filter.actorId !== undefined) {
    const castIn = eb
      .selectFrom('casting')
      .select(sql.lit(1).as('one'))
      .whereRef('casting.movie_id', '=', 'movie.id')
      .where('casting.actor_id', '=', filter.actorId);
    conditions.push(eb.exists(castIn));
  }
  return conditions;
}
