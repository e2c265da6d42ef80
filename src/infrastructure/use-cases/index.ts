import { authUseCases, userUseCases } from './accounts.ts';
import { castingWorkflowUseCases } from './casting-workflow.ts';
import { catalogUseCases } from './catalog.ts';
import { importUseCases } from './imports.ts';
import type { Resolved } from './registry.ts';

export type { Ports, Repositories } from './ports.ts';
export { containerWith, resolveUseCases } from './registry.ts';
export { Tokens } from './tokens.ts';

/**
 * Every use case's tsyringe factory: `(c) => new ListMovies(c.resolve(Tokens.movies))`. Each
 * token carries its port's type, so a missing or swapped port fails to compile here, and a use
 * case left out fails where a driving adapter (HTTP, CLI) asks for it.
 */
export const useCaseFactories = {
  ...catalogUseCases,
  ...importUseCases,
  ...castingWorkflowUseCases,
  ...authUseCases,
  ...userUseCases,
};

export type UseCases = Resolved<typeof useCaseFactories>;
