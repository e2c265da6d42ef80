import type { Range } from '../../../application/ports/paging.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';

/** A list query's `field.gte`/`field.lte` pair → the port's range; absent when neither is given. */
export function range<T>(gte: T | undefined, lte: T | undefined): Range<T> | undefined {
  return gte === undefined && lte === undefined ? undefined : withoutUndefined({ gte, lte });
}
