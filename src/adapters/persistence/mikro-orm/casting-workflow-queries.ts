import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CandidateQuery } from '../../../application/ports/actor-availability.ts';
import { LIVE_STATES, PENDING_STATES } from '../../../domain/audition-states.ts';
import { actorNameMatches } from './actor-query.ts';
import type { WorkflowDatabase } from './casting-workflow-kysely.ts';
import { equalsIgnoringCase } from './kysely-list.ts';

type Db = Kysely<WorkflowDatabase>;

/** An actor's accepted parts with their shoots, in schedule order (no shoot last, then role id). */
export const acceptedPartsQuery = (db: Db, actorId: number) =>
  db
    .selectFrom('audition')
    .innerJoin('movie_role', 'movie_role.id', 'audition.role_id')
    .innerJoin('movie', 'movie.id', 'movie_role.movie_id')
    .select(['audition.id as audition_id', 'movie_role.id as role_id', 'movie_role.name as role_name'])
    .select(['movie.id as movie_id', 'movie.title as movie_title', 'movie.shoot_start', 'movie.shoot_end'])
    .where('audition.actor_id', '=', actorId)
    .where('audition.state', '=', 'accepted')
    .orderBy(sql`movie.shoot_start asc nulls last`)
    .orderBy('movie_role.id');

/** Actors with an accepted part in the movie, ascending. */
export const actorsAcceptedInQuery = (db: Db, movieId: number) =>
  db
    .selectFrom('audition')
    .innerJoin('movie_role', 'movie_role.id', 'audition.role_id')
    .select('audition.actor_id')
    .distinct()
    .where('movie_role.movie_id', '=', movieId)
    .where('audition.state', '=', 'accepted')
    .orderBy('audition.actor_id');

/** Offered + accepted, and accepted, auditions of a role, in one statement. */
export const slotCountsQuery = (db: Db, roleId: number) =>
  db
    .selectFrom('audition')
    .select(sql<number>`count(*) filter (where state in ('offered', 'accepted'))::int`.as('taken'))
    .select(sql<number>`count(*) filter (where state = 'accepted')::int`.as('accepted'))
    .where('role_id', '=', roleId);

export const pendingAuditionsQuery = (db: Db, roleId: number) =>
  db
    .selectFrom('audition')
    .selectAll()
    .where('role_id', '=', roleId)
    .where('state', 'in', [...PENDING_STATES])
    .orderBy('id')
    .forUpdate();

/** The history of these auditions, oldest change first. */
export const changesQuery = (db: Db, auditionIds: number[]) =>
  db.selectFrom('audition_change').selectAll().where('audition_id', 'in', auditionIds).orderBy('audition_id').orderBy('id');

/**
 * Candidates for a role, as one statement over `actor`: `q` as on GET /actors, the fit as
 * plain conditions (the index on lower(gender), age serves them), and two anti-joins — no
 * live audition for this role (the partial unique index on role and actor), and not among
 * the actors busy during the shoot.
 */
export function candidateConditions(eb: ExpressionBuilder<WorkflowDatabase, 'actor'>, query: CandidateQuery): Expression<SqlBool>[] {
  const { fit, shoot } = query;
  const conditions: Expression<SqlBool>[] = [];
  if (query.q !== undefined) conditions.push(actorNameMatches(query.q));
  if (fit.ageMin !== null) conditions.push(eb('actor.age', '>=', fit.ageMin));
  if (fit.ageMax !== null) conditions.push(eb('actor.age', '<=', fit.ageMax));
  if (fit.gender !== null) conditions.push(equalsIgnoringCase(eb.ref('actor.gender'), fit.gender));
  const auditioning = eb
    .selectFrom('audition')
    .select(sql.lit(1).as('one'))
    .whereRef('audition.actor_id', '=', 'actor.id')
    .where('audition.role_id', '=', query.roleId)
    .where('audition.state', 'in', [...LIVE_STATES]);
  conditions.push(eb.not(eb.exists(auditioning)));
  if (shoot !== null) conditions.push(eb('actor.id', 'not in', busyActors(eb, shoot)));
  return conditions;
}

/**
 * Actors with an accepted part whose shoot overlaps `shoot`, for `actor.id not in (…)`: an
 * uncorrelated subquery PostgreSQL runs once and probes as a hash per actor. As a correlated
 * NOT EXISTS it was planned from a bad estimate — most movies have no shoot window, so it
 * expected one busy actor and chose a nested loop rescanning every busy actor per candidate:
 * 3.7 s for one count at 100,000 catalog movies (bench:candidates), 18 ms this way.
 * busy.actor_id is never null, so NOT IN means what NOT EXISTS meant. The overlap is written
 * as ranges (both ends inclusive, as overlaps() in the domain) so the GiST index on the
 * movie's shoot window finds the few movies shooting then.
 */
function busyActors(eb: ExpressionBuilder<WorkflowDatabase, 'actor'>, shoot: NonNullable<CandidateQuery['shoot']>) {
  return eb
    .selectFrom('audition as busy')
    .innerJoin('movie_role as part', 'part.id', 'busy.role_id')
    .innerJoin('movie as shot', 'shot.id', 'part.movie_id')
    .select('busy.actor_id')
    .where('busy.state', '=', 'accepted')
    .where('shot.shoot_start', 'is not', null) // daterange(null, null) would be every day
    .where(sql<SqlBool>`daterange(shot.shoot_start, shot.shoot_end, '[]') && daterange(${shoot.start}::date, ${shoot.end}::date, '[]')`);
}
