import type { ScheduledPart } from '../../../application/ports/actor-availability.ts';
import type { CastingDeskTransaction } from '../../../application/ports/casting-desk.ts';
import type { Actor } from '../../../domain/actor.ts';
import { Audition } from '../../../domain/audition.ts';
import { LIVE_STATES, PENDING_STATES, SLOT_STATES } from '../../../domain/audition-states.ts';
import { alreadyAuditioning } from '../../../domain/casting-workflow-errors.ts';
import type { Casting } from '../../../domain/casting.ts';
import type { Movie } from '../../../domain/movie.ts';
import type { MovieRole, SlotCounts } from '../../../domain/movie-role.ts';
import type { InMemoryActorAvailability } from './in-memory-actor-availability.ts';
import { InMemoryCastingRepository } from './in-memory-casting-repository.ts';
import { InMemoryMovieRepository } from './in-memory-movie-repository.ts';
import type { InMemoryStore } from './in-memory-store.ts';

/** One in-memory transaction: the desk runs them one at a time, so the locks are plain reads. */
export class InMemoryCastingDeskTransaction implements CastingDeskTransaction {
  private readonly store: InMemoryStore;
  private readonly availability: InMemoryActorAvailability;
  constructor(store: InMemoryStore, availability: InMemoryActorAvailability) {
    this.store = store;
    this.availability = availability;
  }

  async lockRole(id: number): Promise<MovieRole | null> {
    return this.store.roles.get(id) ?? null;
  }
  async lockAudition(id: number): Promise<Audition | null> {
    return this.store.auditions.get(id) ?? null;
  }
  async lockActor(id: number): Promise<Actor | null> {
    return this.store.actors.get(id) ?? null;
  }
  async findAudition(id: number): Promise<Audition | null> {
    return this.store.auditions.get(id) ?? null;
  }
  async lockMovie(id: number): Promise<Movie | null> {
    return this.store.movies.get(id) ?? null;
  }
  async saveMovie(movie: Movie, expectedVersion: number): Promise<boolean> {
    return new InMemoryMovieRepository(this.store).update(movie, expectedVersion);
  }
  async actorsAcceptedIn(movieId: number): Promise<number[]> {
    const roleIds = new Set([...this.store.roles.values()].filter((r) => r.movieId === movieId).map((r) => r.id));
    const accepted = [...this.store.auditions.values()].filter((a) => a.state === 'accepted' && roleIds.has(a.roleId));
    return [...new Set(accepted.map((a) => a.actorId))].sort((x, y) => x - y);
  }

  async slotCounts(roleId: number): Promise<SlotCounts> {
    const ofRole = this.auditionsOf(roleId);
    return {
      taken: ofRole.filter((a) => SLOT_STATES.includes(a.state)).length,
      accepted: ofRole.filter((a) => a.state === 'accepted').length,
    };
  }

  async acceptedParts(actorId: number): Promise<ScheduledPart[]> {
    return this.availability.acceptedParts(actorId);
  }

  async lockPendingAuditions(roleId: number): Promise<Audition[]> {
    return this.auditionsOf(roleId).filter((a) => PENDING_STATES.includes(a.state));
  }

  async insertAudition(audition: Audition): Promise<Audition> {
    const live = this.auditionsOf(audition.roleId).some((a) => a.actorId === audition.actorId && LIVE_STATES.includes(a.state));
    if (live) throw alreadyAuditioning(audition.actorId, audition.roleId);
    const saved = Audition.restore({ ...audition, id: this.store.nextId() });
    this.store.auditions.set(saved.id, saved);
    return saved;
  }

  async saveAudition(audition: Audition): Promise<void> {
    this.store.auditions.set(audition.id, audition);
  }

  async saveRole(role: MovieRole): Promise<void> {
    this.store.roles.set(role.id, role);
  }

  async insertCasting(casting: Casting): Promise<void> {
    await new InMemoryCastingRepository(this.store).insert(casting);
  }

  private auditionsOf(roleId: number): Audition[] {
    return [...this.store.auditions.values()].filter((a) => a.roleId === roleId);
  }
}
