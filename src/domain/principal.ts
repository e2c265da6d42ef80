import type { Permission, Role } from './permissions.ts';

/**
 * Who is calling, after authentication. Own tokens: `userId`, `role` and `sessionId` are
 * set and `permissions` come from the role stored in the database. External tokens
 * (Auth0): only `subject` and the token's `permissions` claim (unknown names dropped).
 */
export interface Principal {
  subject: string;
  userId?: number;
  role?: Role;
  sessionId?: string;
  permissions: readonly Permission[];
  external: boolean;
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.includes(permission);
}
