import { GetImportJob } from '../../application/imports/get-import-job.ts';
import { ListImportJobs } from '../../application/imports/list-import-jobs.ts';
import { PruneImportJobs } from '../../application/imports/prune-import-jobs.ts';
import { RunImport } from '../../application/imports/run-import.ts';
import type { Ports } from './ports.ts';

/** Bulk import and the jobs that follow it. */
export function importUseCases(ports: Ports) {
  const { importJobs, clock, importSettings } = ports;
  return {
    runImport: new RunImport(ports.movieImports, importJobs, clock),
    getImportJob: new GetImportJob(importJobs, clock, importSettings),
    listImportJobs: new ListImportJobs(importJobs, clock, importSettings),
    pruneImportJobs: new PruneImportJobs(importJobs, clock, importSettings),
  };
}
