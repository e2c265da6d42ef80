import type { Page, PageRequest } from '../../../application/ports/paging.ts';
import type { UserRepository, UserSortField } from '../../../application/ports/user-repository.ts';
import { lastActiveAdmin, usernameTaken } from '../../../domain/user-errors.ts';
import { User, usernameKey } from '../../../domain/user.ts';

const isActiveAdmin = (u: User) => u.active && u.role === 'admin';

const SORT_VALUE: Record<UserSortField, (u: User) => string | number> = {
  username: (u) => usernameKey(u.username),
  name: (u) => u.name.toLowerCase(),
  role: (u) => u.role,
  created_at: (u) => u.createdAt.getTime(),
  id: (u) => u.id,
};

/** Map-backed users for the core's tests; same contract as the database adapter. */
export class InMemoryUserRepository implements UserRepository {
  private readonly rows = new Map<number, User>();
  private nextId = 1;

  async findById(id: number): Promise<User | null> {
    return this.rows.get(id) ?? null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const key = usernameKey(username);
    return [...this.rows.values()].find((u) => usernameKey(u.username) === key) ?? null;
  }

  async insert(user: User): Promise<User> {
    this.assertUsernameFree(user);
    const stored = User.restore({ ...user, id: this.nextId++ });
    this.rows.set(stored.id, stored);
    return stored;
  }

  async update(user: User, expectedVersion: number): Promise<boolean> {
    const current = this.rows.get(user.id);
    if (!current || current.version !== expectedVersion) return false;
    this.assertUsernameFree(user);
    this.assertAnAdminRemains(user);
    this.rows.set(user.id, user);
    return true;
  }

  async list(page: PageRequest<UserSortField>): Promise<Page<User>> {
    const all = [...this.rows.values()].sort((a, b) => compare(a, b, page));
    const start = (page.page - 1) * page.limit;
    return { items: all.slice(start, start + page.limit), total: all.length, totalCapped: false };
  }

  async countActiveAdmins(): Promise<number> {
    return [...this.rows.values()].filter(isActiveAdmin).length;
  }

  /** Check and write happen in one synchronous step: atomic on the one JavaScript thread. */
  private assertAnAdminRemains(next: User): void {
    if (isActiveAdmin(next)) return;
    const others = [...this.rows.values()].some((u) => u.id !== next.id && isActiveAdmin(u));
    if (isActiveAdmin(this.rows.get(next.id)!) && !others) throw lastActiveAdmin();
  }

  private assertUsernameFree(user: User): void {
    const key = usernameKey(user.username);
    const clash = [...this.rows.values()].some((u) => u.id !== user.id && usernameKey(u.username) === key);
    if (clash) throw usernameTaken(user.username);
  }
}

function compare(a: User, b: User, page: PageRequest<UserSortField>): number {
  for (const { field, direction } of [...page.sort, { field: 'id' as const, direction: 'asc' as const }]) {
    const [x, y] = [SORT_VALUE[field](a), SORT_VALUE[field](b)];
    if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
  }
  return 0;
}
