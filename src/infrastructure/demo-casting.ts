import type { UseCases } from './container.ts';
import type { RoleInput } from '../domain/movie-role.ts';
import type { AuditionState } from '../domain/audition-states.ts';
import { permissionsOf } from '../domain/permissions.ts';

const DEMO = { subject: 'demo-data', permissions: permissionsOf('admin') };
const TO_OFFER: AuditionState[] = ['auditioned', 'shortlisted', 'offered'];

/**
 * The casting workflow's demo: two upcoming movies whose shoots overlap, open roles, auditions
 * in several states, and one conflict to try — Christian Bale accepted Detective Ruiz, so
 * accepting his offer for the Captain (POST /auditions/:id/transitions {to: accepted}) is a
 * 409 SCHEDULE_CONFLICT. Actors come from the demo catalog, by name.
 */
export async function loadDemoCasting(useCases: UseCases, actorIds: Map<string, number>): Promise<number> {
  const movie = (title: string, shootStart: string, shootEnd: string) => useCases.createMovie.execute({ title, shootStart, shootEnd });
  const nightShift = await movie('Night Shift', '2027-03-01', '2027-04-30');
  const harbor = await movie('Harbor Lights', '2027-04-15', '2027-05-31');
  const role = (movieId: number, name: string, extra: Omit<RoleInput, 'movieId' | 'name'>) =>
    useCases.createRole.execute({ movieId, name, ...extra });
  const detective = await role(nightShift.id, 'Detective Ruiz', { ageMin: 40, ageMax: 70, gender: 'male' });
  const nurse = await role(nightShift.id, 'Night Nurse', { slots: 2, description: 'Two nurses on the night ward' });
  const captain = await role(harbor.id, 'Captain', { ageMin: 40, ageMax: 90, gender: 'male' });
  const audition = async (roleId: number, name: string, path: AuditionState[]) => {
    const actorId = actorIds.get(name);
    if (actorId === undefined) throw new Error(`demo casting names "${name}", who is not in the demo catalog`);
    let current = await useCases.inviteActor.execute({ roleId, actorId, by: DEMO.subject });
    for (const to of path) current = await useCases.moveAudition.execute({ auditionId: current.id, to, by: DEMO });
    return current;
  };
  await audition(captain.id, 'Christian Bale', TO_OFFER);
  await audition(detective.id, 'Tim Robbins', ['auditioned']);
  await audition(detective.id, 'Christian Bale', [...TO_OFFER, 'accepted']);
  await audition(nurse.id, 'Morgan Freeman', []);
  await audition(nurse.id, 'John Travolta', ['auditioned', 'shortlisted']);
  return 3;
}
