import { Authenticate } from '../../application/auth/authenticate.ts';
import { ChangePassword } from '../../application/auth/change-password.ts';
import { GetMe } from '../../application/auth/get-me.ts';
import { Login } from '../../application/auth/login.ts';
import { Logout } from '../../application/auth/logout.ts';
import { PruneSessions } from '../../application/auth/prune-sessions.ts';
import { RefreshTokens } from '../../application/auth/refresh-tokens.ts';
import { CreateUser } from '../../application/users/create-user.ts';
import { DeactivateUser } from '../../application/users/deactivate-user.ts';
import { EnsureAdmin } from '../../application/users/ensure-admin.ts';
import { GetUser } from '../../application/users/get-user.ts';
import { ListUsers } from '../../application/users/list-users.ts';
import { RegisterUser } from '../../application/users/register-user.ts';
import { ResetPassword } from '../../application/users/reset-password.ts';
import { UpdateUser } from '../../application/users/update-user.ts';
import type { DependencyContainer } from 'tsyringe';
import { Tokens } from './tokens.ts';

/** Logging in, tokens and sessions. */
export const authUseCases = {
  login: (c: DependencyContainer) =>
    new Login(
      c.resolve(Tokens.users),
      c.resolve(Tokens.sessions),
      c.resolve(Tokens.hasher),
      c.resolve(Tokens.tokens),
      c.resolve(Tokens.random),
      c.resolve(Tokens.clock),
      c.resolve(Tokens.settings),
    ),
  refreshTokens: (c: DependencyContainer) =>
    new RefreshTokens(
      c.resolve(Tokens.users),
      c.resolve(Tokens.sessions),
      c.resolve(Tokens.tokens),
      c.resolve(Tokens.random),
      c.resolve(Tokens.clock),
    ),
  logout: (c: DependencyContainer) => new Logout(c.resolve(Tokens.sessions), c.resolve(Tokens.clock)),
  authenticate: (c: DependencyContainer) =>
    new Authenticate(c.resolve(Tokens.tokens), c.resolve(Tokens.sessions), c.resolve(Tokens.external), c.resolve(Tokens.clock)),
  getMe: (c: DependencyContainer) => new GetMe(c.resolve(Tokens.users)),
  changePassword: (c: DependencyContainer) =>
    new ChangePassword(c.resolve(Tokens.users), c.resolve(Tokens.sessions), c.resolve(Tokens.hasher), c.resolve(Tokens.clock)),
  pruneSessions: (c: DependencyContainer) => new PruneSessions(c.resolve(Tokens.sessions), c.resolve(Tokens.clock)),
};

/** User accounts, as their owners and admins manage them. */
export const userUseCases = {
  registerUser: (c: DependencyContainer) =>
    new RegisterUser(c.resolve(Tokens.users), c.resolve(Tokens.hasher), c.resolve(Tokens.settings), c.resolve(Tokens.clock)),
  createUser: (c: DependencyContainer) => new CreateUser(c.resolve(Tokens.users), c.resolve(Tokens.hasher), c.resolve(Tokens.clock)),
  ensureAdmin: (c: DependencyContainer) => new EnsureAdmin(c.resolve(Tokens.users), c.resolve(Tokens.hasher), c.resolve(Tokens.clock)),
  listUsers: (c: DependencyContainer) => new ListUsers(c.resolve(Tokens.users)),
  getUser: (c: DependencyContainer) => new GetUser(c.resolve(Tokens.users)),
  updateUser: (c: DependencyContainer) =>
    new UpdateUser(c.resolve(Tokens.users), c.resolve(Tokens.sessions), c.resolve(Tokens.clock), c.resolve(Tokens.hasher)),
  resetPassword: (c: DependencyContainer) =>
    new ResetPassword(c.resolve(Tokens.users), c.resolve(Tokens.sessions), c.resolve(Tokens.hasher), c.resolve(Tokens.clock)),
  deactivateUser: (c: DependencyContainer) =>
    new DeactivateUser(c.resolve(Tokens.users), c.resolve(Tokens.sessions), c.resolve(Tokens.clock)),
};
