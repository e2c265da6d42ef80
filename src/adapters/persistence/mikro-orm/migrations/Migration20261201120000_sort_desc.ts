import { Migration } from '@mikro-orm/migrations';

/**
 * Descending sorts put missing values last (`imdb_score desc nulls last, id asc`). A backward
 * scan of the ascending (column, id) indexes gives the opposite null order and id direction,
 * so the three sorts clients ask for most — best rated, most popular, newest — get their own.
 */
export class Migration20261201120000_sort_desc extends Migration {
  override name = 'Migration20261201120000_sort_desc';

  override up(): void {
    for (const column of ['imdb_score', 'popularity', 'release_date']) {
      this.addSql(`create index "movie_${column}_desc_index" on "movie" ("${column}" desc nulls last, "id");`);
    }
  }

  override down(): void {
    for (const column of ['imdb_score', 'popularity', 'release_date']) this.addSql(`drop index if exists "movie_${column}_desc_index";`);
  }
}
