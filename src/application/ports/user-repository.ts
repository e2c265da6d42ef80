import type { User } from '../../domain/user.ts';
import type { Page, PageRequest } from './paging.ts';

export const USER_SORT_FIELDS = ['username', 'name', 'role', 'created_at', 'id'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

/**
 * Accounts. Usernames are unique ignoring case (compare `usernameKey()`); a database
 * adapter enforces that with a unique index on lower(username).
 */
export interface UserRepository {
  findById(id: number): Promise<User | null>;
  /** Ignoring case: `findByUsername('ALICE')` finds `alice`. */
  findByUsername(username: string): Promise<User | null>;
  /** Stores a new user (id 0) and returns it with its id; conflict USERNAME_TAKEN on a duplicate. */
  insert(user: User): Promise<User>;
  /**
   * Saves `user` only if the stored version is still `expectedVersion`; false otherwise.
   * Conflict USERNAME_TAKEN when a rename collides with another user. Conflict LAST_ADMIN
   * when the change would leave no active admin, decided atomically with the write (under a
   * lock on the admin rows), so concurrent demotions cannot remove every admin.
   */
  update(user: User, expectedVersion: number): Promise<boolean>;
  /** Paged; the adapter adds id as the last tie-breaker. */
  list(page: PageRequest<UserSortField>): Promise<Page<User>>;
  /** Active users with role admin: guards against locking everyone out. */
  countActiveAdmins(): Promise<number>;
}
