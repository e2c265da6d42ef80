import type { Actor } from '../../domain/actor.ts';
import { notFound } from '../../domain/errors.ts';
import type { ActorRepository } from '../ports/actor-repository.ts';
import type { CastingRepository, Role } from '../ports/casting-repository.ts';

export interface ActorWithRoles {
  actor: Actor;
  roles: Role[];
}

export class GetActor {
  private readonly actors: ActorRepository;
  private readonly castings: CastingRepository;
  constructor(actors: ActorRepository, castings: CastingRepository) {
    this.actors = actors;
    this.castings = castings;
  }

  async execute(input: { id: number }): Promise<ActorWithRoles> {
    const actor = await this.actors.findById(input.id);
    if (!actor) throw notFound('actor', input.id);
    return { actor, roles: await this.castings.rolesOf(actor.id) };
  }
}
