import type { Actor } from '../../domain/actor.ts';
import type { ActorFilter, ActorRepository, ActorSortField } from '../ports/actor-repository.ts';
import type { Page, PageRequest } from '../ports/paging.ts';

export class ListActors {
  private readonly actors: ActorRepository;
  constructor(actors: ActorRepository) {
    this.actors = actors;
  }

  execute(input: { filter: ActorFilter; page: PageRequest<ActorSortField> }): Promise<Page<Actor>> {
    return this.actors.list(input.filter, input.page);
  }
}
