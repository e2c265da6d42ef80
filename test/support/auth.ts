import type { UseCases } from '../../src/infrastructure/container.ts';
import type { FastifyInstance } from 'fastify';
import type { RateLimitOptions } from '../../src/adapters/http/rate-limit.ts';
import { Argon2idPasswordHasher } from '../../src/adapters/security/argon2id-password-hasher.ts';
import { ROLES, type Role } from '../../src/domain/permissions.ts';
import type { User } from '../../src/domain/user.ts';
import type { IdentityServices } from '../../src/infrastructure/identity.ts';
import { buildTestApp, type TestApp } from './http.ts';

export const PASSWORD = 'Secret123';

/** Argon2id at toy cost: the HTTP tests exercise the flow, not the work factor (tested in unit/security). */
export const fastHasher = () => new Argon2idPasswordHasher({ memoryCost: 1024, timeCost: 1 });

export interface AuthApp extends TestApp {
  /** Creates a user with this role (username = role unless given) and returns it. */
  createUser(role: Role, username?: string): Promise<User>;
  /** Logs in over HTTP and returns the token pair's body. */
  login(username: string, password?: string): Promise<{ access_token: string; refresh_token: string }>;
  /** A user of that role and a bearer header for them. */
  as(role: Role, username?: string): Promise<{ user: User; headers: { authorization: string } }>;
}

/** The production authorization on in-memory repositories, with generous rate limits unless told otherwise. */
export async function buildAuthApp(
  options: { identity?: Partial<IdentityServices>; rateLimit?: RateLimitOptions; trustProxy?: string[] } = {},
): Promise<AuthApp> {
  const identity = { hasher: fastHasher(), ...options.identity };
  const rateLimit = options.rateLimit ?? { perClient: 10_000, perUsername: 10_000 };
  const test = await buildTestApp({ authenticated: true, identity, rateLimit, trustProxy: options.trustProxy });
  const createUser = (role: Role, username: string = role) => userIn(test.useCases, role, username);
  const login = (username: string, password = PASSWORD) => loginOver(test.app, username, password);
  const as = async (role: Role, username?: string) => {
    const user = await createUser(role, username);
    const { access_token } = await login(user.username);
    return { user, headers: { authorization: `Bearer ${access_token}` } };
  };
  return { ...test, createUser, login, as };
}

export function userIn(useCases: UseCases, role: Role, username: string): Promise<User> {
  return useCases.createUser.execute({ name: `Test ${role}`, username, password: PASSWORD, role });
}

export async function loginOver(app: FastifyInstance, username: string, password = PASSWORD) {
  const response = await app.inject({ method: 'POST', url: '/auth', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} → ${response.statusCode}: ${response.body}`);
  return response.json() as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
}

/** A bearer header for one user of every role. */
export async function headersByRole(auth: AuthApp): Promise<Record<Role, { authorization: string }>> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, (await auth.as(role)).headers] as const));
  return Object.fromEntries(entries) as Record<Role, { authorization: string }>;
}

/** For servers started by e2e tests with ADMIN_USERNAME/ADMIN_PASSWORD set to these. */
export const E2E_ADMIN = { ADMIN_USERNAME: 'e2e-admin', ADMIN_PASSWORD: 'E2eSecret123' };

/** Logs in to a running server over HTTP and returns the bearer header. */
export async function bearerFor(baseUrl: string, username = E2E_ADMIN.ADMIN_USERNAME, password = E2E_ADMIN.ADMIN_PASSWORD) {
  const response = await fetch(`${baseUrl}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username} → ${response.status}: ${await response.text()}`);
  const { access_token } = (await response.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}` };
}
