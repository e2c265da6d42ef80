import { GetImportJob } from '../../application/imports/get-import-job.ts';
import { ListImportJobs } from '../../application/imports/list-import-jobs.ts';
import { PruneImportJobs } from '../../application/imports/prune-import-jobs.ts';
import { RunImport } from '../../application/imports/run-import.ts';
import type { DependencyContainer } from 'tsyringe';
import { Tokens } from './tokens.ts';

/** Bulk import and the jobs that follow it. */
export const importUseCases = {
  runImport: (c: DependencyContainer) =>
    new RunImport(c.resolve(Tokens.movieImports), c.resolve(Tokens.importJobs), c.resolve(Tokens.clock)),
  getImportJob: (c: DependencyContainer) =>
    new GetImportJob(c.resolve(Tokens.importJobs), c.resolve(Tokens.clock), c.resolve(Tokens.importSettings)),
  listImportJobs: (c: DependencyContainer) =>
    new ListImportJobs(c.resolve(Tokens.importJobs), c.resolve(Tokens.clock), c.resolve(Tokens.importSettings)),
  pruneImportJobs: (c: DependencyContainer) =>
    new PruneImportJobs(c.resolve(Tokens.importJobs), c.resolve(Tokens.clock), c.resolve(Tokens.importSettings)),
};
