import { Type, type Static } from 'typebox';
import { SEARCH_DEPTH, type SearchResult } from '../../../application/search/search-catalog.ts';
import { Actor, actorView } from './actor.ts';
import { KeysetPagingFields, SearchText } from './common.ts';
import { Movie, movieView } from './movie.ts';

const MAX_PAGE_SIZE = 100;

export const SearchQuery = Type.Object(
  {
    q: SearchText(
      'what to look for: movie titles and directors, actor names; case and accents ignored, word prefixes, a typo or two in words of five letters or more',
    ),
    page: Type.Optional(
      // No default: a page given with a cursor is refused, so the handler must see whether it was given.
      Type.Integer({
        minimum: 1,
        maximum: SEARCH_DEPTH,
        description: `page number, from 1 (default); page × limit at most ${SEARCH_DEPTH} (deeper: cursor)`,
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, description: 'results per page, at most 100' })),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
        description: 'where to go on from: the next_cursor of the previous page, with the same q (not together with page)',
      }),
    ),
  },
  { additionalProperties: false },
);

const MovieResult = Type.Object({ kind: Type.Literal('movie'), ...Movie.properties });
const ActorResult = Type.Object({ kind: Type.Literal('actor'), ...Actor.properties });

export const SearchResults = Type.Object({
  success: Type.Literal(true),
  results: Type.Array(Type.Union([MovieResult, ActorResult]), {
    description:
      'best first: exact title or name (a leading article aside), starting with the query as words, starting with it, whole word, word start, inside a word, typo; a movie before an actor of the same rank',
  }),
  ...KeysetPagingFields,
});

export function searchResultView(result: SearchResult): Static<typeof MovieResult> | Static<typeof ActorResult> {
  return result.kind === 'movie' ? { kind: 'movie', ...movieView(result.movie) } : { kind: 'actor', ...actorView(result.actor) };
}
