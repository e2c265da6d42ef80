import type { Actor, ActorPatch } from '../../domain/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface UpdateActorInput {
  id: number;
  patch: ActorPatch;
  ifMatch?: number;
}

export class UpdateActor {
  private readonly actors: ActorRepository;
  private readonly clock: Clock;
  constructor(actors: ActorRepository, clock: Clock) {
    this.actors = actors;
    this.clock = clock;
  }

  execute(input: UpdateActorInput): Promise<Actor> {
    return versionedUpdate(this.actors, 'actor', input.id, input.ifMatch, (actor) => actor.withChanges(input.patch, this.clock.now()));
  }
}
