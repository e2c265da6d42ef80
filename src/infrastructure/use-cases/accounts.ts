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
import type { Ports } from './ports.ts';

/** Logging in, tokens and sessions. */
export function authUseCases(ports: Ports) {
  const { users, sessions, hasher, tokens, random, clock } = ports;
  return {
    login: new Login(users, sessions, hasher, tokens, random, clock, ports.settings),
    refreshTokens: new RefreshTokens(users, sessions, tokens, random, clock),
    logout: new Logout(sessions, clock),
    authenticate: new Authenticate(tokens, sessions, ports.external, clock),
    getMe: new GetMe(users),
    changePassword: new ChangePassword(users, sessions, hasher, clock),
    pruneSessions: new PruneSessions(sessions, clock),
  };
}

/** User accounts, as their owners and admins manage them. */
export function userUseCases(ports: Ports) {
  const { users, sessions, hasher, clock } = ports;
  return {
    registerUser: new RegisterUser(users, hasher, ports.settings, clock),
    createUser: new CreateUser(users, hasher, clock),
    ensureAdmin: new EnsureAdmin(users, hasher, clock),
    listUsers: new ListUsers(users),
    getUser: new GetUser(users),
    updateUser: new UpdateUser(users, sessions, clock, hasher),
    resetPassword: new ResetPassword(users, sessions, hasher, clock),
    deactivateUser: new DeactivateUser(users, sessions, clock),
  };
}
