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
import type { Ports } from './ports.ts';

/** Roles in a movie and the auditions for them. */
export function castingWorkflowUseCases(ports: Ports) {
  const { movies, roles, auditions, castingDesk, availability, clock } = ports;
  return {
    createRole: new CreateRole(roles, clock),
    getRole: new GetRole(roles),
    listRoles: new ListRoles(movies, roles),
    updateRole: new UpdateRole(castingDesk, clock),
    deleteRole: new DeleteRole(roles),
    listCandidates: new ListCandidates(roles, movies, availability),
    inviteActor: new InviteActor(castingDesk, clock),
    moveAudition: new MoveAudition(castingDesk, clock),
    getAudition: new GetAudition(auditions),
    listAuditions: new ListAuditions(roles, auditions),
    getActorSchedule: new GetActorSchedule(ports.actors, availability),
  };
}
