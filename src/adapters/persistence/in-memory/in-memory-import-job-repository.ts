import type {
  ImportJobEnd,
  ImportJobProgressReport,
  ImportJobQuery,
  ImportJobRepository,
  NewImportJob,
} from '../../../application/ports/import-job-repository.ts';
import type { Page } from '../../../application/ports/paging.ts';
import { emptyReport, type ImportJob, observedState } from '../../../domain/import-job.ts';

/** Import jobs in a Map; copies go in and out so callers cannot change stored jobs. */
export class InMemoryImportJobRepository implements ImportJobRepository {
  private readonly jobs = new Map<number, ImportJob>();
  private lastId = 0;

  async create(job: NewImportJob): Promise<number> {
    const id = ++this.lastId;
    const { startedAt } = job;
    const running = {
      state: 'running' as const,
      report: emptyReport(),
      bytesRead: 0,
      failure: null,
      heartbeatAt: startedAt,
      finishedAt: null,
    };
    this.jobs.set(id, { id, ...job, ...running });
    return id;
  }

  async recordProgress(id: number, { counts, bytesRead, heartbeatAt }: ImportJobProgressReport): Promise<void> {
    const job = this.jobs.get(id);
    if (job?.state !== 'running') return;
    this.jobs.set(id, { ...job, report: { ...job.report, ...counts }, bytesRead, heartbeatAt });
  }

  async finish(id: number, end: ImportJobEnd): Promise<void> {
    const job = this.jobs.get(id);
    if (job?.state !== 'running') return;
    const report = { ...end.report, errors: [...end.report.errors] };
    this.jobs.set(id, { ...job, ...end, report, heartbeatAt: end.finishedAt });
  }

  async findById(id: number): Promise<ImportJob | null> {
    const job = this.jobs.get(id);
    return job ? structuredClone(job) : null;
  }

  async list(query: ImportJobQuery): Promise<Page<ImportJob>> {
    const matching = [...this.jobs.values()]
      .filter((job) => !query.state || observedState(job, query.staleBefore) === query.state)
      .reverse();
    const start = (query.page - 1) * query.limit;
    return { items: structuredClone(matching.slice(start, start + query.limit)), total: matching.length, totalCapped: false };
  }

  async prune(endedBefore: Date): Promise<number> {
    const ended = [...this.jobs.values()].filter((job) => (job.finishedAt ?? job.heartbeatAt) < endedBefore);
    for (const job of ended) this.jobs.delete(job.id);
    return ended.length;
  }
}
