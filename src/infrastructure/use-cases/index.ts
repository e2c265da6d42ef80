import { authUseCases, userUseCases } from './accounts.ts';
import { castingWorkflowUseCases } from './casting-workflow.ts';
import { catalogUseCases } from './catalog.ts';
import { importUseCases } from './imports.ts';
import type { Ports } from './ports.ts';

export type { Ports, Repositories } from './ports.ts';

/**
 * Every use case, constructed once with its ports. Plain constructor calls, so a missing or
 * swapped port fails to compile here, and a use case left out fails where a driving adapter
 * (HTTP, CLI) asks for it.
 */
export function wireUseCases(ports: Ports) {
  return {
    ...catalogUseCases(ports),
    ...importUseCases(ports),
    ...castingWorkflowUseCases(ports),
    ...authUseCases(ports),
    ...userUseCases(ports),
  };
}

export type UseCases = ReturnType<typeof wireUseCases>;
