import { GetActorSchedule } from '../../application/auditions/get-actor-schedule.ts';
import { GetAudition } from '../../application/auditions/get-audition.ts';
import { InviteActor } from '../../application/auditions/invite-actor.ts';
import { ListAuditions } from '../../application/auditions/list-auditions.ts';
import { MoveAudition } from '../../application/auditions/move-audition.ts';
import { CreateRole } from '../../application/roles/create-role.ts';
import { DeleteRole } from '../../application/roles/delete-role.ts';
import { GetRole } from '../../application/roles/get-role.ts';
import { ListCandidates } from '../../application/roles/list-candidates.ts';
import { ListRoles } from '../../application/roles/list-roles.ts';
import { UpdateRole } from '../../application/roles/update-role.ts';
import type { DependencyContainer } from 'tsyringe';
import { Tokens } from './tokens.ts';

/** Roles in a movie and the auditions for them. */
export const castingWorkflowUseCases = {
  createRole: (c: DependencyContainer) => new CreateRole(c.resolve(Tokens.roles), c.resolve(Tokens.clock)),
  getRole: (c: DependencyContainer) => new GetRole(c.resolve(Tokens.roles)),
  listRoles: (c: DependencyContainer) => new ListRoles(c.resolve(Tokens.movies), c.resolve(Tokens.roles)),
  updateRole: (c: DependencyContainer) => new UpdateRole(c.resolve(Tokens.castingDesk), c.resolve(Tokens.clock)),
  deleteRole: (c: DependencyContainer) => new DeleteRole(c.resolve(Tokens.roles)),
  listCandidates: (c: DependencyContainer) =>
    new ListCandidates(c.resolve(Tokens.roles), c.resolve(Tokens.movies), c.resolve(Tokens.availability)),
  inviteActor: (c: DependencyContainer) => new InviteActor(c.resolve(Tokens.castingDesk), c.resolve(Tokens.clock)),
  moveAudition: (c: DependencyContainer) => new MoveAudition(c.resolve(Tokens.castingDesk), c.resolve(Tokens.clock)),
  getAudition: (c: DependencyContainer) => new GetAudition(c.resolve(Tokens.auditions)),
  listAuditions: (c: DependencyContainer) => new ListAuditions(c.resolve(Tokens.roles), c.resolve(Tokens.auditions)),
  getActorSchedule: (c: DependencyContainer) => new GetActorSchedule(c.resolve(Tokens.actors), c.resolve(Tokens.availability)),
};
