import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SearchCatalog } from '../../../application/search/search-catalog.ts';
import { hasPermission } from '../../../domain/principal.ts';
import { searchPageOf, searchPagingOf } from '../search-paging.ts';
import { errors } from '../wire/common.ts';
import { SearchQuery, SearchResults, searchResultView } from '../wire/search.ts';

/** The use cases these routes call. */
export interface SearchUseCases {
  searchCatalog: SearchCatalog;
}

const DESCRIPTION =
  'Movies (by title and director) and actors (by name) together, each with its `kind`, best first. ' +
  'Needs get:movies; actors are part of the results only when the caller also has get:actors (every role has both). ' +
  'Totals count each kind up to 1,000 (`total_capped`). By `page`, page × limit reaches 1,000 results; ' +
  '`next_cursor` (and the Link header) goes on from any page, at any depth.';

export const searchRoutes: FastifyPluginAsyncTypebox<{ useCases: SearchUseCases }> = async (app, { useCases }) => {
  app.get('/search', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'search',
      tags: ['search'],
      summary: 'Search movies and actors',
      description: DESCRIPTION,
      querystring: SearchQuery,
      response: { 200: SearchResults, ...errors() },
    },
    handler: async (request, reply) => {
      const query = request.query;
      // No principal: the app was built without access checks (tests), so nothing is withheld.
      const withActors = request.principal === undefined || hasPermission(request.principal, 'get:actors');
      const found = await useCases.searchCatalog.execute({ q: query.q, ...searchPageOf(query), withActors });
      return { success: true as const, results: found.items.map(searchResultView), ...searchPagingOf(request, reply, query, found) };
    },
  });
};
