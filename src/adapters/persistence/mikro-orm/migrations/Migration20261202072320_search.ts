import { Migration } from '@mikro-orm/migrations';

/**
 * Search (DESIGN §3): `q` ignores case and accents and tolerates typos. marquee_fold() is
 * lower(unaccent(text)) declared immutable, so GIN trigram indexes can hold its result. It
 * calls unaccent's C function through an immutable declaration of its own (unaccent() itself
 * is only stable, since its dictionary could change), which PostgreSQL can inline: about
 * three times cheaper per row than an SQL wrapper around unaccent(). The body names its schema
 * (public), so the result never depends on search_path: PostgreSQL 17 builds indexes with
 * only pg_catalog on it. Runs on PostgreSQL and on
 * PGlite (which loads the unaccent extension, see orm-config.ts).
 */
export class Migration20261202072320_search extends Migration {
  override name = 'Migration20261202072320_search';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(
      `create or replace function marquee_unaccent(regdictionary, text) returns text language c immutable strict parallel safe as '$libdir/unaccent', 'unaccent_dict';`,
    );
    this.addSql(
      `create or replace function marquee_fold(text) returns text language sql immutable strict parallel safe as $$ select lower(public.marquee_unaccent('public.unaccent'::regdictionary, $1)) $$;`,
    );
    this.addSql(`create index "actor_name_search_index" on "actor" using gin (marquee_fold("name") gin_trgm_ops);`);
    this.addSql(`drop index "movie_title_trgm_index";`);
    this.addSql(`create index "movie_title_search_index" on "movie" using gin (marquee_fold("title") gin_trgm_ops);`);
    this.addSql(`create index "movie_director_search_index" on "movie" using gin (marquee_fold("director") gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "actor_name_search_index";`);
    this.addSql(`drop index "movie_title_search_index";`);
    this.addSql(`drop index "movie_director_search_index";`);
    this.addSql(`create index "movie_title_trgm_index" on "movie" using gin (lower("title") gin_trgm_ops);`);
    this.addSql(`drop function if exists marquee_fold(text);`);
    this.addSql(`drop function if exists marquee_unaccent(regdictionary, text);`);
  }
}
