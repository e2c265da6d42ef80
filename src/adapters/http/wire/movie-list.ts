import { Type, type Static, type TSchema } from 'typebox';
import { MOVIE_SORT_FIELDS, type MovieFilter, type MovieSortField } from '../../../application/ports/movie-repository.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import type { CursorList } from '../cursor.ts';
import { CursorQuery, Id, IsoDate, KeysetPagingQuery, SearchText, SortQuery } from './common.ts';
import { range } from './range.ts';

const Range = <T extends TSchema>(description: string, type: () => T) => ({
  gte: Type.Optional(withDescription(type(), `${description} at least`)),
  lte: Type.Optional(withDescription(type(), `${description} at most`)),
});

const withDescription = <T extends TSchema>(type: T, description: string): T => Object.assign(type, { description });

const score = Range('imdb_score', () => Type.Number());
const popularity = Range('popularity', () => Type.Number());
const released = Range('release_date', () => IsoDate('release date'));

const SEARCH_DESCRIPTION =
  'search the title and the director: case and accents ignored, word prefixes (`godf`), a typo or two once the query has five letters (`godfater`); one or two characters match the starts of words. ' +
  'Without `sort`, best match first (exact title (a leading article aside), starting with the query as words, starting with it, whole word, word start, inside a word, typo), ties by popularity, then id';

export const MovieListQuery = Type.Object(
  {
    ...KeysetPagingQuery,
    sort: Type.Optional(SortQuery(MOVIE_SORT_FIELDS)),
    q: Type.Optional(SearchText(SEARCH_DESCRIPTION)),
    director: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'exact, ignoring case' })),
    genre: Type.Optional(
      Type.String({
        maxLength: 500,
        pattern: '^[^,|]+((,[^,|]+)*|(\\|[^,|]+)*)$',
        description: '`a,b`: movies with every one of these genres; `a|b`: with at least one (not both forms at once)',
      }),
    ),
    'imdb_score.gte': score.gte,
    'imdb_score.lte': score.lte,
    'popularity.gte': popularity.gte,
    'popularity.lte': popularity.lte,
    'release_date.gte': released.gte,
    'release_date.lte': released.lte,
    actor: Type.Optional(Id('only movies this actor is cast in')),
    ...CursorQuery,
  },
  { additionalProperties: false },
);

/** The filter fields of GET /movies, which GET /movies/export takes too. */
type MovieFilterQuery = Omit<Static<typeof MovieListQuery>, 'page' | 'limit' | 'sort' | 'cursor'>;

/** GET /movies pages by cursor; what each sort field's value in a cursor looks like. */
export const MOVIE_CURSORS: CursorList<MovieSortField> = {
  name: 'movies',
  kinds: {
    title: 'text',
    release_date: 'date',
    imdb_score: 'number',
    popularity: 'number',
    director: 'text',
    created_at: 'instant',
    id: 'integer',
  },
  // A search without sort: its tier (0 exact … 5 typo), then popularity, as movie-query.ts ranks.
  ranked: ['integer', 'number'],
};

/** `a,b` asks for every genre, `a|b` for any; the schema forbids mixing the two. */
function genres(genre: string | undefined): Pick<MovieFilter, 'genresAll' | 'genresAny'> {
  if (genre === undefined) return {};
  if (genre.includes('|')) return { genresAny: genre.split('|').map((g) => g.trim()) };
  return { genresAll: genre.split(',').map((g) => g.trim()) };
}

export function movieFilter(query: MovieFilterQuery): MovieFilter {
  return withoutUndefined({
    q: query.q,
    director: query.director,
    ...genres(query.genre),
    imdbScore: range(query['imdb_score.gte'], query['imdb_score.lte']),
    popularity: range(query['popularity.gte'], query['popularity.lte']),
    releaseDate: range(query['release_date.gte'], query['release_date.lte']),
    actorId: query.actor,
  });
}
