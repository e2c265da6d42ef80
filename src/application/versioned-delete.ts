import { notFound, staleVersion, type Entity } from '../domain/errors.ts';

interface DeletableStore {
  findById(id: number): Promise<unknown>;
  delete(id: number, expectedVersion?: number): Promise<boolean>;
}

/** Deletes in one statement; when nothing was deleted, tells a missing row (404) from a stale one (412). */
export async function versionedDelete(store: DeletableStore, entity: Entity, id: number, ifMatch?: number): Promise<number> {
  if (await store.delete(id, ifMatch)) return id;
  if (ifMatch !== undefined && (await store.findById(id))) throw staleVersion(entity);
  throw notFound(entity, id);
}
