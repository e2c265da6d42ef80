import { Migration } from '@mikro-orm/migrations';

/** A ranked actor search's best tiers (exact name, name start) read through a btree on the folded name: text-tiers.ts. */
export class Migration20261202103527_actor_name_fold extends Migration {
  override name = 'Migration20261202103527_actor_name_fold';

  override up(): void | Promise<void> {
    this.addSql(`create index "actor_name_fold_index" on "actor" (marquee_fold("name") text_pattern_ops);`);
    // The planner's statistics of marquee_fold(name) come with this index (as for the title's).
    this.addSql(`analyze "actor";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "actor_name_fold_index";`);
  }
}
