/** How the rows of one import ended; `received` = inserted + updated + unchanged + failed. */
export interface ImportCounts {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** One problem of one row: `row` is 1-based among the file's records (CSV: header excluded). */
export interface ImportRowError {
  row: number;
  path: string;
  message: string;
}

export interface ImportReport extends ImportCounts {
  /** The first problems only (see ImportTally); `failed` is the exact count of bad rows. */
  errors: ImportRowError[];
}

export const DEFAULT_ERROR_CAP = 100;

/** Counts an import's outcome as it goes; keeps at most `errorCap` row errors in memory. */
export class ImportTally {
  private readonly counts: ImportCounts = { received: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0 };
  private readonly errors: ImportRowError[] = [];
  private readonly errorCap: number;

  constructor(errorCap = DEFAULT_ERROR_CAP) {
    this.errorCap = errorCap;
  }

  received(): number {
    return ++this.counts.received;
  }

  /** One failed row, however many problems it has. */
  fail(row: number, problems: readonly { path: string; message: string }[]): void {
    this.counts.failed++;
    for (const problem of problems) {
      if (this.errors.length >= this.errorCap) return;
      this.errors.push({ row, path: problem.path, message: problem.message });
    }
  }

  stored(outcome: { inserted: number; updated: number; unchanged: number }): void {
    this.counts.inserted += outcome.inserted;
    this.counts.updated += outcome.updated;
    this.counts.unchanged += outcome.unchanged;
  }

  get failed(): number {
    return this.counts.failed;
  }

  report(): ImportReport {
    return { ...this.counts, errors: [...this.errors] };
  }
}
