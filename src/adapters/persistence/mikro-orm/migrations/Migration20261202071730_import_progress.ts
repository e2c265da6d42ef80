import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071730_import_progress extends Migration {
  override name = 'Migration20261202071730_import_progress';

  override up(): void | Promise<void> {
    this.addSql(`alter table "import_job" add "bytes_read" bigint not null default '0', add "bytes_total" bigint null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "import_job" drop column "bytes_read", drop column "bytes_total";`);
  }
}
