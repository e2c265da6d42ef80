import t from 'tap';
import { conflict, DomainError, notFound } from '../../src/domain/errors.ts';

t.test('error codes are a closed set: a misspelt one does not compile', async (t) => {
  t.equal(notFound('movie', 7).code, 'MOVIE_NOT_FOUND');
  t.equal(conflict('MOVIE_CONFLICT', 'exists').code, 'MOVIE_CONFLICT');
  // @ts-expect-error MOVIE_CONFLICTS is not a code (tsc --noEmit fails if this ever compiles)
  t.equal(new DomainError('conflict', 'MOVIE_CONFLICTS', 'typo').kind, 'conflict');
  // @ts-expect-error nothing called a "film" can be missing
  t.equal(notFound('film', 1).kind, 'not_found');
});
