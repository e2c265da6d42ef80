import type { ErrorDetail } from '../../domain/errors.ts';
import type { MovieInput } from '../../domain/movie.ts';

/** How far the reading of an import's upload has come; the import adapter counts the bytes. */
export interface UploadMeter {
  bytesRead(): number;
  /** The upload's size when known before it is read (Content-Length, a file's size), else null. */
  readonly bytesTotal: number | null;
}

/**
 * One record of an import file, already read into Marquee's movie fields by the import adapter
 * (which knows the file formats), or the problems found in reading it. `pathInFile` names a
 * field's error path as the file spells it (`/popularity` → `/99popularity` for an IMDb file).
 */
export type MovieRecord = { fields: MovieInput; pathInFile(path: string): string } | { problems: ErrorDetail[] };
