import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { ChangePassword } from '../../../application/auth/change-password.ts';
import type { GetMe } from '../../../application/auth/get-me.ts';
import type { Login } from '../../../application/auth/login.ts';
import type { Logout } from '../../../application/auth/logout.ts';
import type { RefreshTokens } from '../../../application/auth/refresh-tokens.ts';
import type { RegisterUser } from '../../../application/users/register-user.ts';
import { authenticator, type AuthenticateUseCases } from '../authorize.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Limits } from '../rate-limit.ts';
import {
  LoggedOut,
  LoginBody,
  Me,
  PasswordChangeBody,
  PasswordChanged,
  RefreshBody,
  RegisterBody,
  Registered,
  TokenPair,
  tokenPairView,
  Verified,
} from '../wire/auth.ts';
import { ErrorBody, errors } from '../wire/common.ts';
import { userView } from '../wire/users.ts';

/** The use cases these routes call. */
export interface AuthUseCases extends AuthenticateUseCases {
  registerUser: RegisterUser;
  login: Login;
  refreshTokens: RefreshTokens;
  logout: Logout;
  changePassword: ChangePassword;
  getMe: GetMe;
}

export interface AuthRouteOptions {
  useCases: AuthUseCases;
  limits: Limits;
}

const tags = ['auth'];
const PUBLIC: [] = [];
const BEARER = [{ bearer: [] }];
const REFRESH_DESCRIPTION = `Trades a refresh token for a new pair. Each refresh token is good once (rotation).
Presenting a spent one — a replay, or losing a race against another use of the same token — revokes
the whole session (its refresh tokens and its access tokens), because the server cannot tell the thief
from the owner. So of several simultaneous refreshes of one token exactly one answers 200, and the
pair it returns stops working as soon as a loser arrives: clients must refresh one at a time. A refresh
rotates the token but does not extend the session: every refresh token of it expires REFRESH_TOKEN_TTL after login.`;

const TOO_MANY = {
  429: { ...ErrorBody, description: 'too many failed attempts from this client; retry after Retry-After seconds' },
};
const LOGIN_DESCRIPTION = `An unknown user, a wrong password and a deactivated account all answer the same 401.
Failed logins are counted per client, per username and client, and per username. A client that failed too
often (for any usernames, or for this one) gets 429 with Retry-After. While a username is under attack from
many clients, those that failed for it get 429 and others are only slowed down, so the owner still logs in.`;

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, { useCases, limits }) => {
  const authenticate = authenticator(useCases);
  const requireBearer = async (request: Parameters<typeof authenticate>[0]) => void (await authenticate(request));

  app.post('/register', {
    preHandler: limits.register,
    schema: {
      operationId: 'register',
      tags,
      summary: 'Sign up (as a casting assistant)',
      description: 'Answers 403 REGISTRATION_CLOSED when REGISTRATION=closed; 429 with Retry-After when a client signs up too often.',
      security: PUBLIC,
      body: RegisterBody,
      response: { 201: Registered, ...errors(409, 413, 415, 422), ...TOO_MANY },
    },
    handler: async (request, reply) => {
      const user = userView(await useCases.registerUser.execute(request.body));
      reply.code(201).header('location', `/users/${user.id}`);
      return { success: true as const, user, message: 'registered; log in at POST /auth' };
    },
  });

  const login = {
    preHandler: limits.login.check,
    schema: {
      operationId: 'login',
      tags,
      summary: 'Log in: username and password → access and refresh token',
      description: LOGIN_DESCRIPTION,
      security: PUBLIC,
      body: LoginBody,
      response: { 200: TokenPair, ...errors(413, 415), ...TOO_MANY },
    },
    handler: async (request: FastifyRequest<{ Body: { username: string; password: string } }>) => {
      const pair = await useCases.login.execute(request.body).catch(async (error: unknown) => {
        if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS') await limits.login.failed(request);
        throw error;
      });
      await limits.login.succeeded(request);
      return tokenPairView(pair);
    },
  };
  app.post('/auth', login);
  app.post('/auth/login', { ...login, schema: { ...login.schema, operationId: 'loginAlias', summary: 'Log in (alias of POST /auth)' } });

  app.post('/auth/refresh', {
    schema: {
      operationId: 'refreshTokens',
      tags,
      summary: 'Rotate a refresh token',
      description: REFRESH_DESCRIPTION,
      security: PUBLIC,
      body: RefreshBody,
      response: { 200: TokenPair, ...errors(413, 415) },
    },
    handler: async (request) => tokenPairView(await useCases.refreshTokens.execute({ refreshToken: request.body.refresh_token })),
  });

  app.post('/auth/logout', {
    onRequest: requireBearer,
    schema: {
      operationId: 'logout',
      tags,
      summary: 'End this session: its refresh and access tokens stop working',
      description: `A token of the external issuer (AUTH_ISSUER) has no session here: this service cannot end it, and it
stays good until it expires. Such a logout answers 409 EXTERNAL_SESSION and revokes nothing; log out at the issuer.`,
      security: BEARER,
      response: { 200: LoggedOut, ...errors(409) },
    },
    handler: async (request) => {
      await useCases.logout.execute({ principal: request.principal! });
      return { success: true as const, message: 'logged out' };
    },
  });

  app.post('/auth/password', {
    onRequest: requireBearer,
    preHandler: limits.passwordChange.check,
    schema: {
      operationId: 'changePassword',
      tags,
      summary: 'Change your password; your other sessions end, this one continues',
      description: `403 WRONG_PASSWORD when current_password is wrong (the token stays good); 422 when new_password breaks the
policy; 409 EXTERNAL_SESSION for a token of the external issuer (change the password there). Wrong current passwords
are counted like failed logins (per client, per account and client, per account), so a stolen token cannot be used to
guess the password: too many answer 429 with Retry-After.`,
      security: BEARER,
      body: PasswordChangeBody,
      response: { 200: PasswordChanged, ...errors(409, 413, 415, 422), ...TOO_MANY },
    },
    handler: async (request) => {
      const { current_password: currentPassword, new_password: newPassword } = request.body;
      await useCases.changePassword
        .execute({ principal: request.principal!, currentPassword, newPassword })
        .catch(async (error: unknown) => {
          if (error instanceof DomainError && error.code === 'WRONG_PASSWORD') await limits.passwordChange.failed(request);
          throw error;
        });
      await limits.passwordChange.succeeded(request);
      return { success: true as const, message: 'password changed; your other sessions have ended' };
    },
  });

  app.get('/auth/verify', {
    onRequest: requireBearer,
    schema: {
      operationId: 'verifyToken',
      tags,
      summary: 'Is this token good?',
      security: BEARER,
      response: { 200: Verified, ...errors() },
    },
    handler: async () => ({ success: true as const, valid: true as const }),
  });

  app.get('/auth/me', {
    onRequest: requireBearer,
    schema: {
      operationId: 'getCurrentUser',
      tags,
      summary: 'The caller, with role and permissions',
      security: BEARER,
      response: { 200: Me, ...errors() },
    },
    handler: async (request) => {
      const { user, principal } = await useCases.getMe.execute({ principal: request.principal! });
      return {
        success: true as const,
        user: user && userView(user),
        subject: principal.subject,
        role: principal.role ?? null,
        permissions: [...principal.permissions],
        external: principal.external,
      };
    },
  });
};
