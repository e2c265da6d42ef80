import { DomainError, type ErrorDetail } from '../../domain/errors.ts';
import { Movie } from '../../domain/movie.ts';
import type { MovieRecord } from '../ports/import-source.ts';

export type MappedRecord = { movie: Movie } | { problems: ErrorDetail[] };

/** A record the import adapter read → a validated Movie, or every problem of the row (named as its file spells them). */
export function movieFromRecord(record: MovieRecord, now: Date): MappedRecord {
  if ('problems' in record) return record;
  try {
    return { movie: Movie.create(record.fields, now) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'validation') throw error;
    return { problems: error.details.map((d) => ({ path: record.pathInFile(d.path), message: d.message })) };
  }
}
