import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from '../application/ports/import-settings.ts';
import { defaultIdentity, type IdentityServices } from './identity.ts';
import { wireUseCases, type Repositories, type UseCases } from './use-cases/index.ts';

export type { Repositories, UseCases } from './use-cases/index.ts';

/**
 * The composition root: every use case on the given adapters. The server and the CLIs pass
 * MikroORM repositories; tests pass in-memory ones and get the very same wiring.
 */
export function buildUseCases(
  repositories: Repositories,
  identity: Partial<IdentityServices> = {},
  importSettings: ImportSettings = DEFAULT_IMPORT_SETTINGS,
): UseCases {
  const users = identity.users ?? repositories.users;
  const sessions = identity.sessions ?? repositories.sessions;
  const services = defaultIdentity({ ...identity, ...(users && { users }), ...(sessions && { sessions }) });
  return wireUseCases({ ...repositories, ...services, importSettings });
}
