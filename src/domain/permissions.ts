/**
 * Roles and the permissions they grant, as Auth0 names them. This table is the single
 * source: the HTTP adapter enforces it and the tests generate their role × route matrix from it.
 */
export const ROLES = ['casting_assistant', 'casting_director', 'executive_producer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'get:movies',
  'get:actors',
  'post:actors',
  'patch:actors',
  'delete:actors',
  'patch:movies',
  'post:movies',
  'delete:movies',
  'import:movies',
  'manage:auditions',
  'make:offers',
  'get:users',
  'manage:users',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ASSISTANT: Permission[] = ['get:movies', 'get:actors'];
const DIRECTOR: Permission[] = [...ASSISTANT, 'post:actors', 'patch:actors', 'delete:actors', 'patch:movies', 'manage:auditions'];
const PRODUCER: Permission[] = [...DIRECTOR, 'post:movies', 'delete:movies', 'import:movies', 'make:offers'];
const ADMIN: Permission[] = [...PRODUCER, 'get:users', 'manage:users'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  casting_assistant: ASSISTANT,
  casting_director: DIRECTOR,
  executive_producer: PRODUCER,
  admin: ADMIN,
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
