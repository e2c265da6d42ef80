import { isRole, type Role } from './permissions.ts';
import { Rules } from './rules.ts';
import { withoutUndefined } from './without-undefined.ts';

/**
 * Usernames: 3–64 of A–Z a–z 0–9 and `. _ @ + -`, so e-mail addresses fit (the catalog API
 * calls the field `email`). Unique ignoring case: compare `usernameKey()` values.
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@+-]{3,64}$/;

export interface UserInput {
  name: string;
  username: string;
  passwordHash: string;
  role: Role;
}

export interface UserPatch {
  name?: string;
  username?: string;
  role?: Role;
  active?: boolean;
}

export interface UserProps {
  id: number;
  name: string;
  username: string;
  passwordHash: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** The key usernames are unique by. Usernames are ASCII, so lower-casing is enough. */
export const usernameKey = (username: string): string => username.toLowerCase();

/** An account. Unsaved users have id 0; the repository assigns the real one. */
export class User implements UserProps {
  readonly id!: number;
  readonly name!: string;
  readonly username!: string;
  readonly passwordHash!: string;
  readonly role!: Role;
  readonly active!: boolean;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly version!: number;

  private constructor(props: UserProps) {
    Object.assign(this, props);
  }

  static create(input: UserInput, now: Date): User {
    const fields = validUserFields(input);
    return new User({ id: 0, ...fields, passwordHash: input.passwordHash, active: true, createdAt: now, updatedAt: now, version: 1 });
  }

  /** Rebuilds a stored user; stored rows already passed the rules. */
  static restore(props: UserProps): User {
    return new User(props);
  }

  /** The same user with the patch applied, re-validated, one version further. */
  withChanges(patch: UserPatch, now: Date): User {
    const next = { ...this, ...withoutUndefined(patch) };
    return new User({ ...next, ...validUserFields(next), updatedAt: now, version: this.version + 1 });
  }

  withPasswordHash(passwordHash: string, now: Date): User {
    return new User({ ...this, passwordHash, updatedAt: now, version: this.version + 1 });
  }
}

function validUserFields(input: { name: string; username: string; role: string }) {
  const name = input.name.trim();
  new Rules()
    .text(name, '/name', 1, 200)
    .check(USERNAME_PATTERN.test(input.username), '/username', 'username must be 3–64 characters of letters, digits and . _ @ + -')
    .check(isRole(input.role), '/role', 'role is not a known role')
    .enforce();
  return { name, username: input.username, role: input.role as Role };
}
