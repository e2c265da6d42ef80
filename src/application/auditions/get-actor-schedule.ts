import { notFound } from '../../domain/errors.ts';
import type { ActorAvailability, ScheduledPart } from '../ports/actor-availability.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';

/** The parts an actor accepted, with their shoots (404 when the actor does not exist). */
export class GetActorSchedule {
  private readonly actors: ActorRepository;
  private readonly availability: ActorAvailability;
  constructor(actors: ActorRepository, availability: ActorAvailability) {
    this.actors = actors;
    this.availability = availability;
  }

  async execute(input: { actorId: number }): Promise<ScheduledPart[]> {
    if (!(await this.actors.findById(input.actorId))) throw notFound('actor', input.actorId);
    return this.availability.scheduleOf(input.actorId);
  }
}
