import type { ScheduledPart } from '../../application/ports/actor-availability.ts';
import type { Audition } from '../../domain/audition.ts';
import type { MovieRole } from '../../domain/movie-role.ts';

/** Domain → wire (snake_case) for the casting workflow's resources. */
export function roleView(role: MovieRole) {
  return {
    id: role.id,
    movie_id: role.movieId,
    name: role.name,
    description: role.description,
    age_min: role.ageMin,
    age_max: role.ageMax,
    gender: role.gender,
    slots: role.slots,
    state: role.state,
    created_at: role.createdAt.toISOString(),
    updated_at: role.updatedAt.toISOString(),
    version: role.version,
  };
}

export function auditionView(audition: Audition) {
  return {
    id: audition.id,
    role_id: audition.roleId,
    actor_id: audition.actorId,
    state: audition.state,
    scheduled_at: audition.scheduledAt?.toISOString() ?? null,
    history: audition.history.map((change) => ({ ...change, at: change.at.toISOString() })),
    created_at: audition.createdAt.toISOString(),
    updated_at: audition.updatedAt.toISOString(),
    version: audition.version,
  };
}

export function scheduledPartView(part: ScheduledPart) {
  return {
    audition_id: part.auditionId,
    role_id: part.roleId,
    role_name: part.roleName,
    movie_id: part.movieId,
    movie_title: part.movieTitle,
    shoot_start: part.shoot?.start ?? null,
    shoot_end: part.shoot?.end ?? null,
  };
}
