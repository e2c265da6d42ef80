import { Type, type Static } from 'typebox';
import { ACTOR_SORT_FIELDS } from '../../../application/ports/actor-repository.ts';
import { ROLE_SORT_FIELDS } from '../../../application/ports/role-repository.ts';
import { ROLE_STATES, type MovieRole, type RoleInput } from '../../../domain/movie-role.ts';
import { Actor } from './actor.ts';
import { ACTOR_SEARCH_DESCRIPTION } from './actor-list.ts';
import { Nullable, PagingFields, PagingQuery, SearchText, SortQuery, Timestamp } from './common.ts';
import { wireView, type NoFields, type UnmatchedFields } from './fields.ts';

/** The wire module of roles (a part in a movie): schemas, candidates and the view. */
const Version = Type.Integer({ description: 'grows by one on every change; the ETag is made from it' });
const RoleStateSchema = Type.Enum(ROLE_STATES);

export const Role = Type.Object({
  id: Type.Integer(),
  movie_id: Type.Integer(),
  name: Type.String({ description: 'the character' }),
  description: Nullable(Type.String()),
  age_min: Nullable(Type.Integer()),
  age_max: Nullable(Type.Integer()),
  gender: Nullable(Type.String({ description: 'none = any gender' })),
  slots: Type.Integer(),
  state: RoleStateSchema,
  created_at: Timestamp,
  updated_at: Timestamp,
  version: Version,
});

const roleFields = {
  name: Type.String({ description: 'the character, 1–200 characters (422 otherwise)' }),
  description: Type.Optional(Nullable(Type.String({ description: 'up to 2000 characters' }))),
  age_min: Type.Optional(Nullable(Type.Integer({ description: '0–150, at most age_max (422 otherwise)' }))),
  age_max: Type.Optional(Nullable(Type.Integer({ description: '0–150' }))),
  gender: Type.Optional(Nullable(Type.String({ description: '1–32 characters; null or absent = any gender' }))),
  slots: Type.Optional(Type.Integer({ description: '1–100 actors to book (default 1)' })),
};

export const CreateRoleBody = Type.Object(roleFields, { additionalProperties: false });

export const PatchRoleBody = Type.Object(
  {
    ...roleFields,
    name: Type.Optional(roleFields.name),
    state: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('closed')], {
        description: 'close the role, or reopen it (it is filled again at once if its accepted parts reach its slots)',
      }),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'any non-empty subset; slots never below the auditions offered or accepted',
  },
);

export const RoleListQuery = Type.Object(
  {
    ...PagingQuery,
    sort: Type.Optional(SortQuery(ROLE_SORT_FIELDS)),
    state: Type.Optional(RoleStateSchema),
  },
  { additionalProperties: false },
);

export const RoleList = Type.Object({ success: Type.Literal(true), roles: Type.Array(Role), ...PagingFields });
export const OneRole = Type.Object({ success: Type.Literal(true), role: Role });

export const CandidateListQuery = Type.Object(
  {
    ...PagingQuery,
    sort: Type.Optional(SortQuery(ACTOR_SORT_FIELDS)),
    q: Type.Optional(SearchText(ACTOR_SEARCH_DESCRIPTION)),
  },
  { additionalProperties: false },
);

export const CandidateList = Type.Object({ success: Type.Literal(true), actors: Type.Array(Actor), ...PagingFields });

/** Domain → wire. */
export const roleView = wireView(Role);

// The wire and the domain carry the same fields: one added to either side only is named by tsc here.
type _SameRoleFields = NoFields<
  UnmatchedFields<Static<typeof Role>, MovieRole> | UnmatchedFields<Static<typeof CreateRoleBody>, Omit<RoleInput, 'movieId'>>
>;
