import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { buildUseCases, type UseCases } from '../../src/infrastructure/container.ts';

/** The production use cases wired to a fresh in-memory catalog. */
export function inMemoryUseCases(): { useCases: UseCases; repositories: ReturnType<typeof inMemoryRepositories> } {
  const repositories = inMemoryRepositories();
  return { useCases: buildUseCases(repositories), repositories };
}
