import { Type, type Static } from 'typebox';
import { USER_SORT_FIELDS } from '../../../application/ports/user-repository.ts';
import type { User as DomainUser } from '../../../domain/user.ts';
import { Password, RoleName, User } from './auth.ts';
import { PagingFields, PagingQuery, SortQuery } from './common.ts';

export const UserListQuery = Type.Object(
  { ...PagingQuery, sort: Type.Optional(SortQuery(USER_SORT_FIELDS)) },
  { additionalProperties: false },
);

export const UserList = Type.Object({ success: Type.Literal(true), users: Type.Array(User), ...PagingFields });

export const OneUser = Type.Object({ success: Type.Literal(true), user: User });

export const PatchUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 1000 })),
    username: Type.Optional(Type.String({ maxLength: 256 })),
    role: Type.Optional(RoleName),
    active: Type.Optional(Type.Boolean({ description: 'false deactivates and revokes every session' })),
    password: Type.Optional({
      ...Password,
      description: '8–128 characters with a digit, a lower- and an upper-case letter; a reset: ends every session of the user',
    }),
  },
  { additionalProperties: false, minProperties: 1, description: 'any non-empty subset of name, username, role, active, password' },
);

/** The catalog API's user edit: `email` is what Marquee calls the username. */
export const CatalogUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 1000 })),
    email: Type.Optional(Type.String({ maxLength: 256, description: 'stored as the username' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** An account on the wire: the response schema drops anything else, this never adds the hash. */
export function userView(user: DomainUser): Static<typeof User> {
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
