import type { User } from '../../../domain/user.ts';

/** An account on the wire: the response schema drops anything else, this never adds the hash. */
export function userView(user: User) {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    role: user.role,
    active: user.active,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
    version: user.version,
  };
}
