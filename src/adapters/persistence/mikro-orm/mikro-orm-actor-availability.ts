import type { ActorAvailability, CandidateQuery, ScheduledPart } from '../../../application/ports/actor-availability.ts';
import type { ActorSortField } from '../../../application/ports/actor-repository.ts';
import { TOTAL_COUNT_CAP, type Page, type PageRequest } from '../../../application/ports/paging.ts';
import type { Actor } from '../../../domain/actor.ts';
import { actorMapper } from './actor-mapper.ts';
import { actorOrder } from './actor-query.ts';
import { scheduledPartOf } from './casting-workflow-mappers.ts';
import { workflowKysely } from './casting-workflow-kysely.ts';
import { acceptedPartsQuery, candidateConditions } from './casting-workflow-queries.ts';
import { translated, type SqlOrm } from './kysely-database.ts';
import { listPage } from './kysely-list.ts';

/**
 * Candidates and schedules through MikroORM's Kysely: each one statement (plus the capped
 * count). Candidates are ranked by `q` as GET /actors (actor-query.ts); past the count cap a
 * ranked page is read tier by tier, each tier filtered by the candidates' conditions.
 */
export class MikroOrmActorAvailability implements ActorAvailability {
  private readonly orm: SqlOrm;
  private readonly countCap: number;
  constructor(orm: SqlOrm, countCap: number = TOTAL_COUNT_CAP) {
    this.orm = orm;
    this.countCap = countCap;
  }

  async candidates(query: CandidateQuery, page: PageRequest<ActorSortField>): Promise<Page<Actor>> {
    const db = workflowKysely(this.orm);
    const matching = db.selectFrom('actor').where((eb) => eb.and(candidateConditions(eb, query)));
    const found = await listPage(db, { rows: matching.selectAll('actor'), matching, ...actorOrder(query, page), countCap: this.countCap });
    return { ...found, items: found.items.map(actorMapper.toDomain) };
  }

  async scheduleOf(actorId: number): Promise<ScheduledPart[]> {
    const rows = await translated(acceptedPartsQuery(workflowKysely(this.orm), actorId).execute());
    return rows.map(scheduledPartOf);
  }
}
