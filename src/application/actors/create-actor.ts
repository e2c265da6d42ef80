import { Actor, type ActorInput } from '../../domain/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';

export class CreateActor {
  private readonly actors: ActorRepository;
  private readonly clock: Clock;
  constructor(actors: ActorRepository, clock: Clock) {
    this.actors = actors;
    this.clock = clock;
  }

  execute(input: ActorInput): Promise<Actor> {
    return this.actors.insert(Actor.create(input, this.clock.now()));
  }
}
