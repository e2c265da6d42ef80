import type { ExamplesByOperation } from './types.ts';

const USER = {
  id: 5,
  name: 'Ann Lee',
  username: 'ann',
  role: 'casting_assistant',
  active: true,
  created_at: '2026-01-10T08:30:00.000Z',
  updated_at: '2026-01-10T08:30:00.000Z',
  version: 1,
};
const CREDENTIALS = { username: 'ann', password: 'Change-me-1' };
const TOKENS = {
  success: true,
  access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1Iiwic2lkIjoiOWYxYyJ9.c2lnbmF0dXJl',
  refresh_token: 'q3V1mX9zJ0b7kQ2wT5yR8uN4aE6cL1dH0fG3sP7vZ2o',
  token_type: 'Bearer',
  expires_in: 900,
};
const PROMOTED = { ...USER, role: 'casting_director', updated_at: '2026-02-01T12:00:00.000Z', version: 2 };

/** Sign-up, login, sessions, the caller, accounts and health. */
export const ACCOUNT_EXAMPLES: ExamplesByOperation = {
  register: {
    request: { name: 'Ann Lee', ...CREDENTIALS },
    responses: { 201: { success: true, user: USER, message: 'registered; log in at POST /auth' } },
  },
  login: { request: CREDENTIALS, responses: { 200: TOKENS } },
  loginAlias: { request: CREDENTIALS, responses: { 200: TOKENS } },
  refreshTokens: { request: { refresh_token: TOKENS.refresh_token }, responses: { 200: TOKENS } },
  logout: { responses: { 200: { success: true, message: 'logged out' } } },
  changePassword: {
    request: { current_password: 'Change-me-1', new_password: 'Longer-and-new-2' },
    responses: { 200: { success: true, message: 'password changed; your other sessions have ended' } },
  },
  verifyToken: { responses: { 200: { success: true, valid: true } } },
  getCurrentUser: {
    responses: {
      200: {
        success: true,
        user: USER,
        subject: '5',
        role: 'casting_assistant',
        permissions: ['get:movies', 'get:actors'],
        external: false,
      },
    },
  },
  listUsers: { responses: { 200: { success: true, users: [USER], page: 1, limit: 20, total: 1, total_pages: 1, total_capped: false } } },
  getUser: { responses: { 200: { success: true, user: USER } } },
  updateUser: { request: { role: 'casting_director' }, responses: { 200: { success: true, user: PROMOTED } } },
  deactivateUser: { responses: { 200: { success: true, deleted: USER.id } } },
  updateUserCatalogApi: {
    request: { name: 'Ann Lee', email: 'ann@example.com' },
    responses: { 200: { success: true, user: { ...USER, username: 'ann@example.com', version: 2 } } },
  },
  getLiveness: { responses: { 200: { success: true, status: 'live' } } },
  getReadiness: { responses: { 200: { success: true, status: 'ready' } } },
};
