import { notFound, staleVersion, type Entity } from '../domain/errors.ts';

interface Versioned {
  readonly version: number;
}

interface VersionedStore<T extends Versioned> {
  findById(id: number): Promise<T | null>;
  update(entity: T, expectedVersion: number): Promise<boolean>;
}

const ATTEMPTS_WITHOUT_IF_MATCH = 5;

/**
 * Optimistic update. With `ifMatch` the client's version must be current (else 412).
 * Without it the write goes through, as Casting Agency clients expect: a write lost to a
 * concurrent one is re-applied on the fresh row, never silently dropped.
 */
export async function versionedUpdate<T extends Versioned>(
  store: VersionedStore<T>,
  entity: Entity,
  id: number,
  ifMatch: number | undefined,
  change: (current: T) => T,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS_WITHOUT_IF_MATCH; attempt++) {
    const current = await store.findById(id);
    if (!current) throw notFound(entity, id);
    if (ifMatch !== undefined && current.version !== ifMatch) throw staleVersion(entity);
    const next = change(current);
    if (await store.update(next, current.version)) return next;
    if (ifMatch !== undefined) throw staleVersion(entity);
  }
  throw staleVersion(entity);
}
