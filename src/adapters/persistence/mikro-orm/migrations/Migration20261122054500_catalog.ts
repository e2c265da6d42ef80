import { Migration } from '@mikro-orm/migrations';

/**
 * Movies, actors and castings. Runs unchanged on PostgreSQL and PGlite (which must load
 * pg_trgm, see orm-config.ts). The trigram GIN indexes serve `q` (LIKE '%…%' on the lower-cased
 * title or name), the GIN on lower_text_array(genres) serves the genre filters (@> and &&, ignoring case), and the expression
 * unique index is the movie's natural key, compared ignoring case.
 */
export class Migration20261122054500_catalog extends Migration {
  override name = 'Migration20261122054500_catalog';

  override up(): void {
    this.addSql(`create extension if not exists pg_trgm;`);
    // Genres keep their spelling but filter ignoring case; the GIN index is on this function's result.
    this.addSql(
      `create or replace function lower_text_array(text[]) returns text[] language sql immutable strict parallel safe as $$ select array(select lower(x) from unnest($1) as x) $$;`,
    );

    this.addSql(
      `create table "movie" ("id" serial primary key, "title" varchar(200) not null, "release_date" date null, "director" varchar(200) null, "genres" text[] not null default '{}', "popularity" double precision null, "imdb_score" double precision null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`,
    );
    this.addSql(
      `create unique index "movie_natural_key_unique" on "movie" (lower("title"), lower(coalesce("director", '')), coalesce("release_date", '0001-01-01'::date));`,
    );
    this.addSql(`create index "movie_title_trgm_index" on "movie" using gin (lower("title") gin_trgm_ops);`);
    this.addSql(`create index "movie_genres_index" on "movie" using gin (lower_text_array("genres"));`);
    this.addSql(`create index "movie_lower_director_index" on "movie" (lower("director"));`);
    this.addSql(`create index "movie_title_index" on "movie" ("title", "id");`);
    this.addSql(`create index "movie_imdb_score_index" on "movie" ("imdb_score", "id");`);
    this.addSql(`create index "movie_popularity_index" on "movie" ("popularity", "id");`);
    this.addSql(`create index "movie_release_date_index" on "movie" ("release_date", "id");`);
    this.addSql(`create index "movie_created_at_index" on "movie" ("created_at", "id");`);
    this.addSql(`create index "movie_director_index" on "movie" ("director", "id");`);

    this.addSql(
      `create table "actor" ("id" serial primary key, "name" varchar(200) not null, "age" int not null, "gender" varchar(32) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`,
    );
    this.addSql(`create index "actor_name_trgm_index" on "actor" using gin (lower("name") gin_trgm_ops);`);
    this.addSql(`create index "actor_name_index" on "actor" ("name", "id");`);
    this.addSql(`create index "actor_age_index" on "actor" ("age", "id");`);
    this.addSql(`create index "actor_lower_gender_index" on "actor" (lower("gender"));`);
    this.addSql(`create index "actor_created_at_index" on "actor" ("created_at", "id");`);

    this.addSql(
      `create table "casting" ("movie_id" int not null, "actor_id" int not null, "character" varchar(200) null, "billing_order" int null, primary key ("movie_id", "actor_id"));`,
    );
    this.addSql(`create index "casting_actor_id_index" on "casting" ("actor_id");`);
    this.addSql(
      `alter table "casting" add constraint "casting_movie_id_foreign" foreign key ("movie_id") references "movie" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "casting" add constraint "casting_actor_id_foreign" foreign key ("actor_id") references "actor" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "casting";`);
    this.addSql(`drop table if exists "actor";`);
    this.addSql(`drop table if exists "movie";`);
    this.addSql(`drop function if exists lower_text_array(text[]);`);
  }
}
