import t from 'tap';
import { exampleProblems } from '../../src/infrastructure/cli/openapi-example-rules.ts';
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

t.test('a body or answer without example, or with one its schema refuses, is named', async (t) => {
  const schema = { type: 'object', required: ['title'], properties: { title: { type: 'string' } }, additionalProperties: false };
  const document: CheckedDocument = {
    paths: {
      '/movies': {
        post: {
          requestBody: { content: { 'application/json': { schema, example: { title: 'Heat', rating: 5 } } } },
          responses: { 201: { content: { 'application/json': { schema } } }, 304: {} },
        },
      },
    },
  };
  t.same(exampleProblems(document), [
    'POST /movies request body application/json: the example does not match the schema: data must NOT have additional properties',
    'POST /movies answer 201 application/json has no example (src/adapters/http/examples/)',
  ]);
});

t.test('valid examples pass, named ones (examples) included, and dates are checked as dates', async (t) => {
  const schema = { type: 'object', properties: { release_date: { type: 'string', format: 'date' } } };
  const ok = { content: { 'application/json': { schema, examples: { heat: { value: { release_date: '1995-12-15' } } } } } };
  t.same(exampleProblems({ paths: { '/movies': { get: { responses: { 200: ok } } } } }), []);
  const badDate = { content: { 'application/json': { schema, example: { release_date: '1995-13-45' } } } };
  t.match(exampleProblems({ paths: { '/movies': { get: { responses: { 200: badDate } } } } }), [/must match format "date"/]);
});
