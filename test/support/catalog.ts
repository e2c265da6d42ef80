import type { DependencyContainer } from 'tsyringe';
import { inMemoryRepositories } from '../../src/adapters/persistence/in-memory/index.ts';
import { buildContainer } from '../../src/infrastructure/container.ts';

/** The production container wired to a fresh in-memory catalog. */
export function inMemoryContainer(): { container: DependencyContainer; repositories: ReturnType<typeof inMemoryRepositories> } {
  const repositories = inMemoryRepositories();
  return { container: buildContainer(repositories), repositories };
}
