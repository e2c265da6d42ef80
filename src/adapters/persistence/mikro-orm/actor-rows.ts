import type { ActorFilter, ActorSortField } from '../../../application/ports/actor-repository.ts';
import { Actor } from '../../../domain/actor.ts';
import { containsPattern, epochMs, rangeConditions, type SqlParams } from './sql-query.ts';

export const ACTOR_COLUMNS = [
  'id',
  'name',
  'age',
  'gender',
  epochMs('created_at', 'created_ms'),
  epochMs('updated_at', 'updated_ms'),
  'version',
].join(', ');

export interface ActorRow {
  id: number;
  name: string;
  age: number;
  gender: string;
  created_ms: number;
  updated_ms: number;
  version: number;
}

export const ACTOR_SORT_COLUMNS: Record<ActorSortField, string> = {
  name: 'name',
  age: 'age',
  gender: 'gender',
  created_at: 'created_at',
  id: 'id',
};

export function actorFromRow(row: ActorRow): Actor {
  return Actor.restore({
    id: row.id,
    name: row.name,
    age: row.age,
    gender: row.gender,
    createdAt: new Date(row.created_ms),
    updatedAt: new Date(row.updated_ms),
    version: row.version,
  });
}

/** Column order: name, age, gender, created_at, updated_at, version. */
export const actorValues = (actor: Actor): unknown[] => [
  actor.name,
  actor.age,
  actor.gender,
  actor.createdAt.toISOString(),
  actor.updatedAt.toISOString(),
  actor.version,
];

export function actorConditions(filter: ActorFilter, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (filter.q !== undefined) conditions.push(`lower(name) like lower(${params.add(containsPattern(filter.q))}) escape '\\'`);
  if (filter.gender !== undefined) conditions.push(`lower(gender) = lower(${params.add(filter.gender)})`);
  conditions.push(...rangeConditions('age', filter.age, params));
  if (filter.movieId !== undefined) {
    conditions.push(
      `exists (select 1 from casting where casting.actor_id = actor.id and casting.movie_id = ${params.add(filter.movieId)})`,
    );
  }
  return conditions;
}
