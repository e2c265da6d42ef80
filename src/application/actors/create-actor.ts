import { Actor, type ActorInput } from '../../domain/actor.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';

export class CreateActor {
  private readonly actors: ActorRepository;
  constructor(actors: ActorRepository) {
    this.actors = actors;
  }

  execute(input: ActorInput): Promise<Actor> {
    return this.actors.insert(Actor.create(input));
  }
}
