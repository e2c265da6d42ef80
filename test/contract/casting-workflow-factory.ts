import type { ActorAvailability } from '../../src/application/ports/actor-availability.ts';
import type { ActorRepository } from '../../src/application/ports/actor-repository.ts';
import type { AuditionRepository } from '../../src/application/ports/audition-repository.ts';
import type { CastingDesk } from '../../src/application/ports/casting-desk.ts';
import type { CastingRepository } from '../../src/application/ports/casting-repository.ts';
import type { MovieRepository } from '../../src/application/ports/movie-repository.ts';
import type { RoleRepository } from '../../src/application/ports/role-repository.ts';
import { Audition } from '../../src/domain/audition.ts';
import type { AuditionState } from '../../src/domain/audition-states.ts';
import { MovieRole, type RoleInput } from '../../src/domain/movie-role.ts';
import { nextInstant } from './catalog-factory.ts';

/** The casting workflow's ports, and the catalog ones it builds on, over one empty store. */
export interface CastingWorkflowAdapters {
  movies: MovieRepository;
  actors: ActorRepository;
  castings: CastingRepository;
  roles: RoleRepository;
  auditions: AuditionRepository;
  castingDesk: CastingDesk;
  availability: ActorAvailability;
}

/** `countCap` lowers TOTAL_COUNT_CAP for the candidates, as CatalogFactory's does for the lists. */
export type CastingWorkflowFactory = (options?: { countCap?: number }) => Promise<CastingWorkflowAdapters>;

export const newRole = (input: Partial<RoleInput> & { movieId: number }): MovieRole =>
  MovieRole.create({ name: 'Lead', ...input }, nextInstant());

/** Stores an invitation and walks it along `path` through the desk, as the use cases would. */
export async function storedAudition(a: CastingWorkflowAdapters, roleId: number, actorId: number, path: AuditionState[] = []) {
  return a.castingDesk.transaction(async (tx) => {
    let audition = await tx.insertAudition(Audition.invite({ roleId, actorId, by: '1' }, nextInstant()));
    for (const to of path) {
      audition = audition.moveTo(to, '1', nextInstant());
      await tx.saveAudition(audition);
    }
    return audition;
  });
}
