import type { ActorRepository } from '../ports/actor-repository.ts';
import { versionedDelete } from '../versioned-delete.ts';

export class DeleteActor {
  private readonly actors: ActorRepository;
  constructor(actors: ActorRepository) {
    this.actors = actors;
  }

  /** Deletes the actor and their castings; a stale `ifMatch` refuses with 412. Returns the id. */
  execute(input: { id: number; ifMatch?: number }): Promise<number> {
    return versionedDelete(this.actors, 'actor', input.id, input.ifMatch);
  }
}
