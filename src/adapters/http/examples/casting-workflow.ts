import { ACTOR, MOVIE } from './catalog.ts';
import type { ExamplesByOperation } from './types.ts';

const STAMPS = { created_at: '2026-01-20T09:00:00.000Z', updated_at: '2026-01-20T09:00:00.000Z' };
const PAGE_ONE = { page: 1, limit: 20, total: 1, total_pages: 1, total_capped: false };

const ROLE = {
  id: 3,
  movie_id: MOVIE.id,
  name: 'Vincent Hanna',
  description: 'LAPD lieutenant, relentless',
  age_min: 40,
  age_max: 90,
  gender: 'male',
  slots: 1,
  state: 'open',
  ...STAMPS,
  version: 1,
};
const INVITED = { from: null, to: 'invited', by: '1', at: STAMPS.created_at, note: null };
const AUDITIONED = { from: 'invited', to: 'auditioned', by: '1', at: '2026-03-02T11:00:00.000Z', note: 'strong read' };
const AUDITION = {
  id: 11,
  role_id: ROLE.id,
  actor_id: ACTOR.id,
  state: 'invited',
  scheduled_at: '2026-03-02T10:00:00.000Z',
  history: [INVITED],
  ...STAMPS,
  version: 1,
};
const MOVED = { ...AUDITION, state: 'auditioned', history: [INVITED, AUDITIONED], updated_at: AUDITIONED.at, version: 2 };

/** Roles, auditions, candidates and an actor's schedule. */
export const CASTING_WORKFLOW_EXAMPLES: ExamplesByOperation = {
  listMovieRoles: { responses: { 200: { success: true, roles: [ROLE], ...PAGE_ONE } } },
  createRole: {
    request: { name: 'Vincent Hanna', description: 'LAPD lieutenant, relentless', age_min: 40, age_max: 90, gender: 'male', slots: 1 },
    responses: { 201: { success: true, role: ROLE } },
  },
  getRole: { responses: { 200: { success: true, role: ROLE } } },
  updateRole: { request: { state: 'closed' }, responses: { 200: { success: true, role: { ...ROLE, state: 'closed', version: 2 } } } },
  deleteRole: { responses: { 200: { success: true, deleted: ROLE.id } } },
  listRoleCandidates: { responses: { 200: { success: true, actors: [ACTOR], ...PAGE_ONE } } },
  inviteToAudition: {
    request: { actor_id: ACTOR.id, scheduled_at: '2026-03-02T10:00:00.000Z' },
    responses: { 201: { success: true, audition: AUDITION } },
  },
  listRoleAuditions: { responses: { 200: { success: true, auditions: [AUDITION], ...PAGE_ONE } } },
  getAudition: { responses: { 200: { success: true, audition: MOVED } } },
  moveAudition: { request: { to: 'auditioned', note: 'strong read' }, responses: { 200: { success: true, audition: MOVED } } },
  getActorSchedule: {
    responses: {
      200: {
        success: true,
        actor_id: ACTOR.id,
        schedule: [
          {
            audition_id: AUDITION.id,
            role_id: ROLE.id,
            role_name: ROLE.name,
            movie_id: MOVIE.id,
            movie_title: MOVIE.title,
            shoot_start: '2026-05-04',
            shoot_end: '2026-07-31',
          },
        ],
      },
    },
  },
};
