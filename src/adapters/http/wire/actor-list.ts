import { Type, type Static } from 'typebox';
import { ACTOR_SORT_FIELDS, type ActorFilter, type ActorSortField } from '../../../application/ports/actor-repository.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import type { CursorList } from '../cursor.ts';
import { CursorQuery, Id, KeysetPagingQuery, SearchText, SortQuery } from './common.ts';
import { range } from './range.ts';

/** What `q` does on GET /actors, and so on a role's candidates. */
export const ACTOR_SEARCH_DESCRIPTION =
  'search the name: case and accents ignored, word prefixes (`godf`), a typo or two once the query has five letters (`godfater`); one or two characters match the starts of words. ' +
  'Without `sort`, best match first (exact name, starting with the query as words, starting with it, whole word, word start, inside a word, typo), ties by id';

export const ActorListQuery = Type.Object(
  {
    ...KeysetPagingQuery,
    sort: Type.Optional(SortQuery(ACTOR_SORT_FIELDS)),
    q: Type.Optional(SearchText(ACTOR_SEARCH_DESCRIPTION)),
    gender: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'exact, ignoring case' })),
    'age.gte': Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'age at least' })),
    'age.lte': Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'age at most' })),
    movie: Type.Optional(Id('only actors cast in this movie')),
    ...CursorQuery,
  },
  { additionalProperties: false },
);

/** GET /actors pages by cursor; what each sort field's value in a cursor looks like. */
export const ACTOR_CURSORS: CursorList<ActorSortField> = {
  name: 'actors',
  kinds: { name: 'text', age: 'integer', gender: 'text', created_at: 'instant', id: 'integer' },
  // A search without sort: its tier (0 exact … 6 typo), as actor-query.ts ranks; equal tiers by id.
  ranked: ['integer'],
};

export function actorFilter(query: Static<typeof ActorListQuery>): ActorFilter {
  return withoutUndefined({
    q: query.q,
    gender: query.gender,
    age: range(query['age.gte'], query['age.lte']),
    movieId: query.movie,
  });
}
