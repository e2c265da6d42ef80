import type { ActorAvailability, CandidateQuery, ScheduledPart } from '../../../application/ports/actor-availability.ts';
import type { ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { Page, PageRequest } from '../../../application/ports/paging.ts';
import type { Actor } from '../../../domain/actor.ts';
import { LIVE_STATES } from '../../../domain/audition-states.ts';
import { fitProblems } from '../../../domain/role-fit.ts';
import { overlaps, shootWindowOf } from '../../../domain/shoot-window.ts';
import { actorPage, nameMatches } from './in-memory-actor-query.ts';
import type { InMemoryStore } from './in-memory-store.ts';

export class InMemoryActorAvailability implements ActorAvailability {
  private readonly store: InMemoryStore;
  private readonly countCap: number | undefined;
  constructor(store: InMemoryStore, countCap?: number) {
    this.store = store;
    this.countCap = countCap;
  }

  async candidates(query: CandidateQuery, page: PageRequest<ActorSortField>): Promise<Page<Actor>> {
    const auditioning = new Set(
      [...this.store.auditions.values()].filter((a) => a.roleId === query.roleId && LIVE_STATES.includes(a.state)).map((a) => a.actorId),
    );
    const free = (actor: Actor) => !this.acceptedParts(actor.id).some((part) => overlaps(part.shoot, query.shoot));
    const matches = [...this.store.actors.values()].filter(
      (actor) => nameMatches(actor, query.q) && fitProblems(query.fit, actor).length === 0 && !auditioning.has(actor.id) && free(actor),
    );
    return actorPage(matches, query.q, page, this.countCap);
  }

  async scheduleOf(actorId: number): Promise<ScheduledPart[]> {
    return this.acceptedParts(actorId).sort(
      (a, b) => (a.shoot?.start ?? '\uffff').localeCompare(b.shoot?.start ?? '\uffff') || a.roleId - b.roleId,
    );
  }

  /** Shared with the desk's transaction, which reads the same store. */
  acceptedParts(actorId: number): ScheduledPart[] {
    return [...this.store.auditions.values()]
      .filter((audition) => audition.actorId === actorId && audition.state === 'accepted')
      .flatMap((audition) => {
        const role = this.store.roles.get(audition.roleId);
        const movie = role && this.store.movies.get(role.movieId);
        if (!role || !movie) return [];
        const shoot = shootWindowOf(movie.shootStart, movie.shootEnd);
        return [{ auditionId: audition.id, roleId: role.id, roleName: role.name, movieId: movie.id, movieTitle: movie.title, shoot }];
      });
  }
}
