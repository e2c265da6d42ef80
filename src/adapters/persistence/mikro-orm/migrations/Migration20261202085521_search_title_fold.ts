import { Migration } from '@mikro-orm/migrations';

/** A ranked search's best tiers (exact title, title start) read through a btree on the folded title: text-tiers.ts. */
export class Migration20261202085521_search_title_fold extends Migration {
  override name = 'Migration20261202085521_search_title_fold';

  override up(): void | Promise<void> {
    this.addSql(`create index "movie_title_fold_index" on "movie" (marquee_fold("title") text_pattern_ops);`);
    // The planner's statistics of marquee_fold(title) come with this index: without them every
    // LIKE on the folded title was estimated at a flat share of the table.
    this.addSql(`analyze "movie";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "movie_title_fold_index";`);
  }
}
