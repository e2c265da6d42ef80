import t from 'tap';
import { type CheckedDocument, operationIdProblems, tagProblems } from '../../src/infrastructure/cli/openapi-rules.ts';

const TAGS = [{ name: 'movies', description: 'the catalog' }];

t.test('an operation without operationId, a duplicate and a non-camelCase one are each named', async (t) => {
  const document: CheckedDocument = {
    paths: {
      '/movies': { get: { operationId: 'listMovies' }, post: {} },
      '/movies/{id}': { get: { operationId: 'listMovies' }, delete: { operationId: 'delete_movie' } },
    },
  };
  t.same(operationIdProblems(document), [
    'POST /movies has no operationId (add operationId to its route schema)',
    'GET /movies/{id}: operationId "listMovies" is already used by GET /movies',
    'DELETE /movies/{id}: operationId "delete_movie" is not camelCase',
  ]);
});

t.test('distinct camelCase operationIds pass; path-level fields are not operations', async (t) => {
  const paths = { '/movies': { get: { operationId: 'listMovies' }, post: { operationId: 'createMovie' }, parameters: {} } };
  t.same(operationIdProblems({ paths } as CheckedDocument), []);
});

t.test('an operation needs a tag the document declares with a description', async (t) => {
  const document: CheckedDocument = {
    tags: [...TAGS, { name: 'actors' }],
    paths: { '/movies': { get: { tags: ['movies'] }, post: {} }, '/search': { get: { tags: ['search'] } } },
  };
  t.same(tagProblems(document), [
    'tag "actors" has no description',
    'POST /movies has no tag',
    'GET /search: tag "search" is not declared (API_TAGS in src/adapters/http/openapi-description.ts)',
  ]);
  t.same(tagProblems({ tags: TAGS, paths: { '/movies': { get: { tags: ['movies'] } } } }), []);
});
