import type { Selectable } from 'kysely';
import type { ScheduledPart } from '../../../application/ports/actor-availability.ts';
import { Audition, type AuditionChange } from '../../../domain/audition.ts';
import type { AuditionState } from '../../../domain/audition-states.ts';
import { MovieRole, type RoleState } from '../../../domain/movie-role.ts';
import { shootWindowOf } from '../../../domain/shoot-window.ts';
import { dateOf, instantOf, type WorkflowDatabase } from './casting-workflow-kysely.ts';

export type RoleRow = Selectable<WorkflowDatabase['movie_role']>;
export type AuditionRow = Selectable<WorkflowDatabase['audition']>;
export type AuditionChangeRow = Selectable<WorkflowDatabase['audition_change']>;
export interface ScheduledPartRow {
  audition_id: number;
  role_id: number;
  role_name: string;
  movie_id: number;
  movie_title: string;
  shoot_start: string | Date | null;
  shoot_end: string | Date | null;
}

/** The one place where roles, auditions and their changes become rows and back. */
export const roleMapper = {
  toDomain(row: RoleRow): MovieRole {
    return MovieRole.restore({
      id: row.id,
      movieId: row.movie_id,
      name: row.name,
      description: row.description,
      ageMin: row.age_min,
      ageMax: row.age_max,
      gender: row.gender,
      slots: row.slots,
      state: row.state as RoleState,
      createdAt: instantOf(row.created_at),
      updatedAt: instantOf(row.updated_at),
      version: row.version,
    });
  },

  toRow(role: MovieRole): Omit<RoleRow, 'id'> {
    return {
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
  },
};

export const auditionMapper = {
  toDomain(row: AuditionRow, changes: AuditionChangeRow[]): Audition {
    return Audition.restore({
      id: row.id,
      roleId: row.role_id,
      actorId: row.actor_id,
      state: row.state as AuditionState,
      scheduledAt: row.scheduled_at === null ? null : instantOf(row.scheduled_at),
      history: changes.map(changeMapper.toDomain),
      createdAt: instantOf(row.created_at),
      updatedAt: instantOf(row.updated_at),
      version: row.version,
    });
  },

  toRow(audition: Audition): Omit<AuditionRow, 'id'> {
    return {
      role_id: audition.roleId,
      actor_id: audition.actorId,
      state: audition.state,
      scheduled_at: audition.scheduledAt?.toISOString() ?? null,
      created_at: audition.createdAt.toISOString(),
      updated_at: audition.updatedAt.toISOString(),
      version: audition.version,
    };
  },
};

export const changeMapper = {
  toDomain(row: AuditionChangeRow): AuditionChange {
    const from = row.from_state as AuditionState | null;
    return { from, to: row.to_state as AuditionState, by: row.changed_by, at: instantOf(row.changed_at), note: row.note };
  },

  toRow(auditionId: number, change: AuditionChange): Omit<AuditionChangeRow, 'id'> {
    return {
      audition_id: auditionId,
      from_state: change.from,
      to_state: change.to,
      changed_by: change.by,
      changed_at: change.at.toISOString(),
      note: change.note,
    };
  },
};

export function scheduledPartOf(row: ScheduledPartRow): ScheduledPart {
  return {
    auditionId: row.audition_id,
    roleId: row.role_id,
    roleName: row.role_name,
    movieId: row.movie_id,
    movieTitle: row.movie_title,
    shoot: shootWindowOf(dateOf(row.shoot_start), dateOf(row.shoot_end)),
  };
}
