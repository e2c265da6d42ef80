import { Migration } from '@mikro-orm/migrations';

/**
 * The casting workflow (generated from casting-workflow-entities.ts and the movie's shoot
 * window, then trimmed to those): roles, auditions and their history. The partial unique
 * index keeps one live audition per actor and role under any concurrency.
 */
export class Migration20261202013550_casting_workflow extends Migration {
  override name = 'Migration20261202013550_casting_workflow';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "movie_role" ("id" serial primary key, "movie_id" int not null, "name" varchar(200) not null, "description" varchar(2000) null, "age_min" int null, "age_max" int null, "gender" varchar(32) null, "slots" int not null default 1, "state" varchar(16) not null default 'open', "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`,
    );
    this.addSql(`create index "movie_role_movie_id_index" on "movie_role" ("movie_id", "id");`);

    this.addSql(
      `create table "audition" ("id" serial primary key, "role_id" int not null, "actor_id" int not null, "state" varchar(16) not null, "scheduled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`,
    );
    this.addSql(
      `create unique index "audition_live_unique" on "audition" ("role_id", "actor_id") where "state" in ('invited', 'auditioned', 'shortlisted', 'offered', 'accepted');`,
    );
    this.addSql(`create index "audition_role_id_index" on "audition" ("role_id", "id");`);
    this.addSql(`create index "audition_accepted_actor_index" on "audition" ("actor_id") where "state" = 'accepted';`);

    this.addSql(
      `create table "audition_change" ("id" serial primary key, "audition_id" int not null, "from_state" varchar(16) null, "to_state" varchar(16) not null, "changed_by" varchar(255) not null, "changed_at" timestamptz not null, "note" varchar(2000) null);`,
    );
    this.addSql(`create index "audition_change_audition_id_index" on "audition_change" ("audition_id", "id");`);

    this.addSql(`alter table "movie" add "shoot_start" date null, add "shoot_end" date null;`);

    this.addSql(
      `alter table "movie_role" add constraint "movie_role_movie_id_foreign" foreign key ("movie_id") references "movie" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "audition" add constraint "audition_role_id_foreign" foreign key ("role_id") references "movie_role" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "audition" add constraint "audition_actor_id_foreign" foreign key ("actor_id") references "actor" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "audition_change" add constraint "audition_change_audition_id_foreign" foreign key ("audition_id") references "audition" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audition" drop constraint "audition_role_id_foreign";`);
    this.addSql(`alter table "audition_change" drop constraint "audition_change_audition_id_foreign";`);

    this.addSql(`drop table if exists "movie_role" cascade;`);
    this.addSql(`drop table if exists "audition" cascade;`);
    this.addSql(`drop table if exists "audition_change" cascade;`);

    this.addSql(`alter table "movie" drop column "shoot_start", drop column "shoot_end";`);
  }
}
