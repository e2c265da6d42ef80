import { Migration } from '@mikro-orm/migrations';

export class Migration20261202044950_candidates_fit_index extends Migration {
  override name = 'Migration20261202044950_candidates_fit_index';

  override up(): void | Promise<void> {
    this.addSql(`drop index "actor_lower_gender_index";`);
    this.addSql(`create index "actor_lower_gender_age_index" on "actor" (lower("gender"), "age", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "actor_lower_gender_age_index";`);
    this.addSql(`create index "actor_lower_gender_index" on "actor" (lower("gender"));`);
  }
}
