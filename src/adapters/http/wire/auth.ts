import { Type, type Static } from 'typebox';
import type { TokenPair as DomainTokenPair } from '../../../application/auth/token-pair.ts';
import { PERMISSIONS, ROLES } from '../../../domain/permissions.ts';
import { Timestamp } from './common.ts';

const [assistant, director, producer, admin] = ROLES;
export const RoleName = Type.Union([Type.Literal(assistant), Type.Literal(director), Type.Literal(producer), Type.Literal(admin)], {
  description: 'casting_assistant, casting_director, executive_producer or admin',
});

/** The wire form of an account: never a password hash, never a token. */
export const User = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  username: Type.String(),
  role: RoleName,
  active: Type.Boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
  version: Type.Integer({ description: 'grows by one on every change; the ETag is made from it' }),
});

export const Password = Type.String({
  maxLength: 1024,
  description: '8–128 characters with a digit, a lower- and an upper-case letter (422 otherwise)',
});
const Username = Type.String({ maxLength: 256, description: '3–64 of letters, digits and . _ @ + - ; unique ignoring case' });

export const RegisterBody = Type.Object(
  { name: Type.String({ maxLength: 1000, description: '1–200 characters' }), username: Username, password: Password },
  { additionalProperties: false, description: 'a role cannot be chosen: new users are casting assistants' },
);

export const LoginBody = Type.Object(
  { username: Type.String({ maxLength: 256 }), password: Type.String({ maxLength: 1024 }) },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object({ refresh_token: Type.String({ maxLength: 1024 }) }, { additionalProperties: false });

export const Registered = Type.Object({ success: Type.Literal(true), user: User, message: Type.String() });

export const TokenPair = Type.Object({
  success: Type.Literal(true),
  access_token: Type.String({ description: 'HS256 JWT; send as Authorization: Bearer <token>' }),
  refresh_token: Type.String({ description: 'opaque; good for one POST /auth/refresh' }),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'seconds the access token lives' }),
});

export const Verified = Type.Object({ success: Type.Literal(true), valid: Type.Literal(true) });

export const PasswordChangeBody = Type.Object(
  { current_password: Type.String({ maxLength: 1024 }), new_password: Password },
  { additionalProperties: false },
);

export const PasswordChanged = Type.Object({ success: Type.Literal(true), message: Type.String() });

export const LoggedOut = Type.Object({ success: Type.Literal(true), message: Type.String() });

export const Me = Type.Object({
  success: Type.Literal(true),
  user: Type.Union([User, Type.Null()], { description: 'null for a token of the external issuer' }),
  subject: Type.String(),
  role: Type.Union([RoleName, Type.Null()]),
  permissions: Type.Array(Type.String(), { description: `effective permissions, from: ${PERMISSIONS.join(', ')}` }),
  external: Type.Boolean(),
});

export const tokenPairView = (pair: DomainTokenPair): Static<typeof TokenPair> => ({
  success: true as const,
  access_token: pair.accessToken,
  refresh_token: pair.refreshToken,
  token_type: pair.tokenType,
  expires_in: pair.expiresIn,
});
