import { Type, type Static } from 'typebox';
import { USER_SORT_FIELDS } from '../../../application/ports/user-repository.ts';
import type { User as DomainUser } from '../../../domain/user.ts';
import { Password, RoleName, User } from './auth.ts';
import { PagingFields, PagingQuery, SortQuery } from './common.ts';
import { wireView, type NoFields, type UnmatchedFields } from './fields.ts';

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

/** An account on the wire: the view reads only the schema's fields, so the password hash never leaves. */
export const userView = wireView(User);

// The wire carries every field of a user but its password hash: a field on one side only is named by tsc here.
type _SameUserFields = NoFields<UnmatchedFields<Static<typeof User>, Omit<DomainUser, 'passwordHash'>>>;
