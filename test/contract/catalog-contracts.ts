import type { Test } from 'tap';
import { actorRepositoryContract } from './actor-repository.contract.ts';
import type { CatalogFactory } from './catalog-factory.ts';
import { castingRepositoryContract } from './casting-repository.contract.ts';
import { movieRepositoryContract } from './movie-repository.contract.ts';
import { searchPagingContract } from './search-paging.contract.ts';
import { searchContract } from './search.contract.ts';
import { pagingContract } from './paging.contract.ts';

/** Every repository contract, on one adapter. */
export function catalogContracts(t: Test, fresh: CatalogFactory): void {
  t.test('MovieRepository', async (t) => movieRepositoryContract(t, fresh));
  t.test('ActorRepository', async (t) => actorRepositoryContract(t, fresh));
  t.test('CastingRepository', async (t) => castingRepositoryContract(t, fresh));
  t.test('Search (q)', async (t) => searchContract(t, fresh));
  t.test('Search of movies and actors (GET /search)', async (t) => searchPagingContract(t, fresh));
  t.test('Paging by cursor', async (t) => pagingContract(t, fresh));
}
