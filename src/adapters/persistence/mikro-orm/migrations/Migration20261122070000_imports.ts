import { Migration } from '@mikro-orm/migrations';

/**
 * Bulk import jobs. The state lives in the database so every instance can show an import's
 * progress; `heartbeat_at` moves with each batch, so a job whose worker died can be told from
 * one still running. Counts are columns (cheap progress updates); `errors` holds the report's
 * capped row errors and `failure` the code and message of a failed import.
 */
export class Migration20261122070000_imports extends Migration {
  override name = 'Migration20261122070000_imports';

  override up(): void {
    this.addSql(
      `create table "import_job" ("id" serial primary key, "mode" varchar(16) not null, "dry_run" boolean not null, "state" varchar(16) not null default 'running', "received" int not null default 0, "inserted" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "failed" int not null default 0, "errors" jsonb not null default '[]', "failure" jsonb null, "started_at" timestamptz not null, "heartbeat_at" timestamptz not null, "finished_at" timestamptz null, constraint "import_job_mode_check" check ("mode" in ('atomic', 'partial')), constraint "import_job_state_check" check ("state" in ('running', 'succeeded', 'failed')));`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "import_job";`);
  }
}
