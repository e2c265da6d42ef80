import { Migration } from '@mikro-orm/migrations';

/**
 * The trigram index on lower(name) served a role's candidates' "name contains" `q`; since they search the folded name as
 * GET /actors does (actor_name_search_index, actor_name_fold_index), no plan of /actors, /search or candidates reads it.
 */
export class Migration20261202150916_drop_actor_name_trgm extends Migration {
  override name = 'Migration20261202150916_drop_actor_name_trgm';

  override up(): void | Promise<void> {
    this.addSql(`drop index "actor_name_trgm_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "actor_name_trgm_index" on "actor" using gin (lower("name") gin_trgm_ops);`);
  }
}
