import { Counter, Gauge, type Registry } from 'prom-client';

export type ImportOutcome = 'completed' | 'rejected' | 'failed';

/** One running import as the metrics see it: its rows received so far, then its end. */
export interface ImportTracker {
  progressed(rowsReceived: number): void;
  ended(rowsReceived?: number): void;
}

/**
 * The bulk-import metrics of one app:
 * - marquee_imports_total{mode,outcome} and marquee_import_rows_total{result}: counted when an import ends;
 * - marquee_import_rows_received_total: a counter moved at every progress report (each batch) of a
 *   running import, so `rate(marquee_import_rows_received_total[1m])` is the rows per second of the
 *   imports running in this instance; marquee_imports_running: a gauge of how many there are.
 */
export class ImportMetrics {
  private readonly imports: Counter<'mode' | 'outcome'>;
  private readonly rows: Counter<'result'>;
  private readonly rowsReceived: Counter;
  private readonly running: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    const labelled = <L extends string>(name: string, help: string, labelNames: L[]) => new Counter({ name, help, labelNames, registers });
    this.imports = labelled('marquee_imports_total', 'Bulk imports by mode and outcome', ['mode', 'outcome']);
    this.rows = labelled('marquee_import_rows_total', 'Rows of bulk imports by result (inserted, updated, unchanged, failed)', ['result']);
    this.rowsReceived = new Counter({
      name: 'marquee_import_rows_received_total',
      help: 'Rows taken by running imports, counted at each progress report (every batch): rate() gives rows per second',
      registers,
    });
    this.running = new Gauge({ name: 'marquee_imports_running', help: 'Imports running in this instance', registers });
  }

  /** One finished import and the counts of its report. */
  record(mode: string, outcome: ImportOutcome, report?: Partial<Record<'inserted' | 'updated' | 'unchanged' | 'failed', number>>): void {
    this.imports.inc({ mode, outcome });
    for (const [result, count] of Object.entries(report ?? {})) if (count) this.rows.inc({ result }, count);
  }

  /** One import starts: the tracker moves the rows counter as it reports, and the gauge when it ends (once). */
  track(): ImportTracker {
    this.running.inc();
    let counted = 0;
    let ended = false;
    const progressed = (received: number) => {
      if (received > counted) this.rowsReceived.inc(received - counted);
      counted = Math.max(counted, received);
    };
    const end = (received = counted) => {
      progressed(received);
      if (!ended) this.running.dec();
      ended = true;
    };
    return { progressed, ended: end };
  }
}
