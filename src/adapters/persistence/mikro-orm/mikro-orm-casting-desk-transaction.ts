import type { Transaction } from 'kysely';
import type { ScheduledPart } from '../../../application/ports/actor-availability.ts';
import type { CastingDeskTransaction } from '../../../application/ports/casting-desk.ts';
import type { Actor } from '../../../domain/actor.ts';
import { Audition } from '../../../domain/audition.ts';
import { alreadyAuditioning } from '../../../domain/casting-workflow-errors.ts';
import type { Casting } from '../../../domain/casting.ts';
import { conflict, notFound } from '../../../domain/errors.ts';
import type { Movie } from '../../../domain/movie.ts';
import type { MovieRole, SlotCounts } from '../../../domain/movie-role.ts';
import { actorMapper } from './actor-mapper.ts';
import { castingMapper } from './casting-mapper.ts';
import { auditionMapper, changeMapper, roleMapper, scheduledPartOf, type AuditionRow } from './casting-workflow-mappers.ts';
import { rowsOf, type WorkflowDatabase } from './casting-workflow-kysely.ts';
import {
  acceptedPartsQuery,
  actorsAcceptedInQuery,
  changesQuery,
  pendingAuditionsQuery,
  slotCountsQuery,
} from './casting-workflow-queries.ts';
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, violates } from './database-errors.ts';
import { movieMapper } from './movie-mapper.ts';
import { movieUpdated } from './movie-update.ts';

/** One open transaction: statements built by Kysely from the entities, run on the transaction's own connection. */
export class MikroOrmCastingDeskTransaction implements CastingDeskTransaction {
  private readonly db: Transaction<WorkflowDatabase>;
  constructor(db: Transaction<WorkflowDatabase>) {
    this.db = db;
  }

  async lockRole(id: number): Promise<MovieRole | null> {
    const [row] = await rowsOf(this.db.selectFrom('movie_role').selectAll().where('id', '=', id).forUpdate());
    return row ? roleMapper.toDomain(row) : null;
  }

  async lockAudition(id: number): Promise<Audition | null> {
    const [row] = await rowsOf(this.db.selectFrom('audition').selectAll().where('id', '=', id).forUpdate());
    return row ? (await this.withHistory([row]))[0]! : null;
  }

  async lockActor(id: number): Promise<Actor | null> {
    const [row] = await rowsOf(this.db.selectFrom('actor').selectAll().where('id', '=', id).forUpdate());
    return row ? actorMapper.toDomain(row) : null;
  }

  async findAudition(id: number): Promise<Audition | null> {
    const [row] = await rowsOf(this.db.selectFrom('audition').selectAll().where('id', '=', id));
    return row ? (await this.withHistory([row]))[0]! : null;
  }

  async lockMovie(id: number, mode: 'share' | 'update'): Promise<Movie | null> {
    const select = this.db.selectFrom('movie').selectAll().where('id', '=', id);
    const [row] = await rowsOf(mode === 'share' ? select.forShare() : select.forUpdate());
    return row ? movieMapper.toDomain(row) : null;
  }

  async saveMovie(movie: Movie, expectedVersion: number): Promise<boolean> {
    const update = this.db.updateTable('movie').set(movieMapper.toRow(movie)).where('id', '=', movie.id);
    return movieUpdated(update.where('version', '=', expectedVersion).executeTakeFirst());
  }

  async actorsAcceptedIn(movieId: number): Promise<number[]> {
    return (await rowsOf(actorsAcceptedInQuery(this.db, movieId))).map((row) => row.actor_id);
  }

  async slotCounts(roleId: number): Promise<SlotCounts> {
    const [row] = await rowsOf(slotCountsQuery(this.db, roleId));
    return { taken: row?.taken ?? 0, accepted: row?.accepted ?? 0 };
  }

  async acceptedParts(actorId: number): Promise<ScheduledPart[]> {
    return (await rowsOf(acceptedPartsQuery(this.db, actorId))).map(scheduledPartOf);
  }

  async lockPendingAuditions(roleId: number): Promise<Audition[]> {
    return this.withHistory(await rowsOf(pendingAuditionsQuery(this.db, roleId)));
  }

  /** The partial unique index on (role, actor) for live states decides, not a read before the write. */
  async insertAudition(audition: Audition): Promise<Audition> {
    try {
      const [row] = await rowsOf(this.db.insertInto('audition').values(auditionMapper.toRow(audition)).returning('id'));
      const saved = Audition.restore({ ...audition, id: row!.id });
      for (const change of saved.history) await this.insertChange(saved.id, change);
      return saved;
    } catch (error) {
      if (violates(error, UNIQUE_VIOLATION)) throw alreadyAuditioning(audition.actorId, audition.roleId);
      if (violates(error, FOREIGN_KEY_VIOLATION)) throw notFound(error.constraint?.includes('actor') ? 'actor' : 'role', audition.actorId);
      throw error;
    }
  }

  async saveAudition(audition: Audition): Promise<void> {
    const { state, updated_at, version } = auditionMapper.toRow(audition);
    await rowsOf(this.db.updateTable('audition').set({ state, updated_at, version }).where('id', '=', audition.id));
    await this.insertChange(audition.id, audition.lastChange());
  }

  async saveRole(role: MovieRole): Promise<void> {
    await rowsOf(this.db.updateTable('movie_role').set(roleMapper.toRow(role)).where('id', '=', role.id));
  }

  async insertCasting(casting: Casting): Promise<void> {
    try {
      await rowsOf(this.db.insertInto('casting').values(castingMapper.toRow(casting)));
    } catch (error) {
      if (violates(error, UNIQUE_VIOLATION)) throw conflict('CASTING_CONFLICT', 'this actor is already cast in this movie');
      throw error;
    }
  }

  private async insertChange(auditionId: number, change: Audition['history'][number]): Promise<void> {
    await rowsOf(this.db.insertInto('audition_change').values(changeMapper.toRow(auditionId, change)));
  }

  private async withHistory(rows: AuditionRow[]): Promise<Audition[]> {
    if (rows.length === 0) return [];
    const changes = await rowsOf(
      changesQuery(
        this.db,
        rows.map((row) => row.id),
      ),
    );
    return rows.map((row) =>
      auditionMapper.toDomain(
        row,
        changes.filter((change) => change.audition_id === row.id),
      ),
    );
  }
}
