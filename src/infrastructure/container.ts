import type { DependencyContainer } from 'tsyringe';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../application/ports/import-settings.ts';
import { defaultIdentity, type IdentityServices } from './identity.ts';
import { containerWith, resolveUseCases, useCaseFactories, type Repositories, type UseCases } from './use-cases/index.ts';

export type { Repositories, UseCases } from './use-cases/index.ts';

/**
 * The composition root: a tsyringe container with every port bound to the given adapters. The
 * server and the CLIs pass MikroORM repositories; tests pass in-memory ones and get the very
 * same container, each call a fresh one.
 */
export function buildContainer(
  repositories: Repositories,
  identity: Partial<IdentityServices> = {},
  importSettings: ImportSettings = DEFAULT_IMPORT_SETTINGS,
): DependencyContainer {
  const users = identity.users ?? repositories.users;
  const sessions = identity.sessions ?? repositories.sessions;
  const services = defaultIdentity({ ...identity, ...(users && { users }), ...(sessions && { sessions }) });
  return containerWith({ ...repositories, ...services, importSettings });
}

/** Every use case resolved from that container into one typed record, the only thing driving adapters get. */
export function buildUseCases(...args: Parameters<typeof buildContainer>): UseCases {
  return resolveUseCases(buildContainer(...args), useCaseFactories);
}
