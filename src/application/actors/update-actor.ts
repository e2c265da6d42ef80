import type { Actor, ActorPatch } from '../../domain/actor.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';
import { versionedUpdate } from '../versioned-update.ts';

export interface UpdateActorInput {
  id: number;
  patch: ActorPatch;
  ifMatch?: number;
}

export class UpdateActor {
  private readonly actors: ActorRepository;
  constructor(actors: ActorRepository) {
    this.actors = actors;
  }

  execute(input: UpdateActorInput): Promise<Actor> {
    return versionedUpdate(this.actors, 'actor', input.id, input.ifMatch, (actor) => actor.withChanges(input.patch));
  }
}
