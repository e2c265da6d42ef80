import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts, sessions and refresh tokens. Runs unchanged on PostgreSQL and PGlite. The table is
 * `app_user` because `user` is a reserved word. Usernames are unique ignoring case through
 * the expression index; roles are checked by the database too, so no path can store a role
 * the permission table does not know. A session is a refresh-token family: deleting a user
 * takes its sessions, deleting a session its tokens.
 */
export class Migration20261122060000_identity extends Migration {
  override name = 'Migration20261122060000_identity';

  override up(): void {
    this.addSql(
      `create table "app_user" ("id" serial primary key, "name" varchar(200) not null, "username" varchar(64) not null, "password_hash" text not null, "role" varchar(32) not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "app_user_role_check" check ("role" in ('casting_assistant', 'casting_director', 'executive_producer', 'admin')));`,
    );
    this.addSql(`create unique index "app_user_username_unique" on "app_user" (lower("username"));`);

    this.addSql(
      `create table "session" ("id" uuid primary key, "user_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null);`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "refresh_token" ("token_hash" text primary key, "session_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "spent_at" timestamptz null);`,
    );
    // Serves the cascade from session and any look-up of a family's tokens.
    this.addSql(`create index "refresh_token_session_id_index" on "refresh_token" ("session_id");`);
    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "refresh_token";`);
    this.addSql(`drop table if exists "session";`);
    this.addSql(`drop table if exists "app_user";`);
  }
}
