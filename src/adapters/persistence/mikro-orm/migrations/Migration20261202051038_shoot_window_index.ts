import { Migration } from '@mikro-orm/migrations';

export class Migration20261202051038_shoot_window_index extends Migration {
  override name = 'Migration20261202051038_shoot_window_index';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "movie_shoot_window_index" on "movie" using gist (daterange("shoot_start", "shoot_end", '[]')) where "shoot_start" is not null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "movie_shoot_window_index";`);
  }
}
