import { GetActorSchedule } from '../../../src/application/auditions/get-actor-schedule.ts';
import { GetAudition } from '../../../src/application/auditions/get-audition.ts';
import { InviteActor } from '../../../src/application/auditions/invite-actor.ts';
import { ListAuditions } from '../../../src/application/auditions/list-auditions.ts';
import { MoveAudition } from '../../../src/application/auditions/move-audition.ts';
import { UpdateMovie } from '../../../src/application/movies/update-movie.ts';
import type { Clock } from '../../../src/application/ports/clock.ts';
import { CreateRole } from '../../../src/application/roles/create-role.ts';
import { DeleteRole } from '../../../src/application/roles/delete-role.ts';
import { GetRole } from '../../../src/application/roles/get-role.ts';
import { ListCandidates } from '../../../src/application/roles/list-candidates.ts';
import { ListRoles } from '../../../src/application/roles/list-roles.ts';
import { UpdateRole } from '../../../src/application/roles/update-role.ts';
import { inMemoryRepositories } from '../../../src/adapters/persistence/in-memory/index.ts';
import type { AuditionState } from '../../../src/domain/audition-states.ts';
import { Actor, type ActorInput } from '../../../src/domain/actor.ts';
import { Movie, type MovieInput } from '../../../src/domain/movie.ts';
import { permissionsOf } from '../../../src/domain/permissions.ts';

export class SteppingClock implements Clock {
  private ms = Date.parse('2026-03-01T09:00:00.000Z');
  now(): Date {
    return new Date((this.ms += 60_000));
  }
}

/** Who acts: their subject goes into histories, their permissions decide the moves. */
export const director = { subject: '2', permissions: permissionsOf('casting_director') };
export const producer = { subject: '3', permissions: permissionsOf('executive_producer') };

/** The casting workflow's use cases on a fresh in-memory store, with helpers to set a scene up. */
export function castingWorkflow() {
  const repos = inMemoryRepositories();
  const clock = new SteppingClock();
  const useCases = {
    createRole: new CreateRole(repos.roles, clock),
    getRole: new GetRole(repos.roles),
    listRoles: new ListRoles(repos.movies, repos.roles),
    updateRole: new UpdateRole(repos.castingDesk, clock),
    deleteRole: new DeleteRole(repos.roles),
    invite: new InviteActor(repos.castingDesk, clock),
    move: new MoveAudition(repos.castingDesk, clock),
    getAudition: new GetAudition(repos.auditions),
    listAuditions: new ListAuditions(repos.roles, repos.auditions),
    candidates: new ListCandidates(repos.roles, repos.movies, repos.availability),
    schedule: new GetActorSchedule(repos.actors, repos.availability),
    updateMovie: new UpdateMovie(repos.castingDesk, clock),
  };
  const movie = (input: MovieInput) => repos.movies.insert(Movie.create(input, clock.now()));
  const actor = (input: Partial<ActorInput> & { name: string }) =>
    repos.actors.insert(Actor.create({ age: 30, gender: 'female', ...input }, clock.now()));
  /** Invites the actor and walks the audition along `path` (producer moves everything). */
  const auditionAt = async (roleId: number, actorId: number, path: AuditionState[]) => {
    let audition = await useCases.invite.execute({ roleId, actorId, by: director.subject });
    for (const to of path) audition = await useCases.move.execute({ auditionId: audition.id, to, by: producer });
    return audition;
  };
  return { ...useCases, repos, movie, actor, auditionAt };
}

export const TO_OFFER: AuditionState[] = ['auditioned', 'shortlisted', 'offered'];
export const TO_SHORTLIST: AuditionState[] = ['auditioned', 'shortlisted'];
