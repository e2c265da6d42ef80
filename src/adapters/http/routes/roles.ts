import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ActorSortField } from '../../../application/ports/actor-repository.ts';
import type { RoleSortField } from '../../../application/ports/role-repository.ts';
import type { CreateRole } from '../../../application/roles/create-role.ts';
import type { DeleteRole } from '../../../application/roles/delete-role.ts';
import type { GetRole } from '../../../application/roles/get-role.ts';
import type { ListCandidates } from '../../../application/roles/list-candidates.ts';
import type { ListRoles } from '../../../application/roles/list-roles.ts';
import type { UpdateRole } from '../../../application/roles/update-role.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import { answeredNotModified, etagOf, ifMatchVersion } from '../conditional.ts';
import { pageRequest, pagingOf } from '../paging.ts';
import { actorView } from '../wire/actor.ts';
import { domainFields } from '../wire/fields.ts';
import {
  CandidateList,
  CandidateListQuery,
  CreateRoleBody,
  OneRole,
  PatchRoleBody,
  RoleList,
  RoleListQuery,
  roleView,
} from '../wire/role.ts';
import { Deleted, errors, IdParams, NotModified } from '../wire/common.ts';

const tags = ['roles'];

/** The use cases these routes call. */
export interface RoleUseCases {
  createRole: CreateRole;
  deleteRole: DeleteRole;
  getRole: GetRole;
  listCandidates: ListCandidates;
  listRoles: ListRoles;
  updateRole: UpdateRole;
}

export const roleRoutes: FastifyPluginAsyncTypebox<{ useCases: RoleUseCases }> = async (app, { useCases }) => {
  app.get('/movies/:id/roles', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'listMovieRoles',
      tags,
      summary: "A movie's roles",
      params: IdParams,
      querystring: RoleListQuery,
      response: { 200: RoleList, ...errors(404) },
    },
    handler: async (request, reply) => {
      const { query } = request;
      const filter = withoutUndefined({ movieId: request.params.id, state: query.state });
      const page = await useCases.listRoles.execute({
        filter: { movieId: request.params.id, ...filter },
        page: pageRequest<RoleSortField>(query),
      });
      return { success: true as const, roles: page.items.map(roleView), ...pagingOf(request, reply, query, page) };
    },
  });

  app.post('/movies/:id/roles', {
    config: { permission: 'manage:auditions' },
    schema: {
      operationId: 'createRole',
      tags,
      summary: 'Describe a role (a part) in a movie',
      params: IdParams,
      body: CreateRoleBody,
      response: { 201: OneRole, ...errors(404, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const { body } = request;
      const input = { movieId: request.params.id, ...domainFields(body) };
      const role = roleView(await useCases.createRole.execute(input));
      reply.code(201).header('location', `/roles/${role.id}`).header('etag', etagOf(role.version));
      return { success: true as const, role };
    },
  });

  app.get('/roles/:id', {
    config: { permission: 'get:movies' },
    schema: {
      operationId: 'getRole',
      tags,
      summary: 'A role',
      params: IdParams,
      response: { 200: OneRole, 304: NotModified, ...errors(404) },
    },
    handler: async (request, reply) => {
      const role = roleView(await useCases.getRole.execute({ id: request.params.id }));
      if (answeredNotModified(request, reply, etagOf(role.version))) return reply;
      return { success: true as const, role };
    },
  });

  app.patch('/roles/:id', {
    config: { permission: 'manage:auditions' },
    schema: {
      operationId: 'updateRole',
      tags,
      summary: 'Change, close or reopen a role',
      description:
        'Fewer slots that the accepted parts now fill make the role `filled` and end its pending auditions `rejected`; more slots reopen a `filled` role. `state: closed` closes any role; `state: open` reopens a `closed` one, but is a 409 `ROLE_STATE_CONFLICT` (nothing changed) when the accepted parts take all the slots: raise `slots` in the same request to reopen it.',
      params: IdParams,
      body: PatchRoleBody,
      response: { 200: OneRole, ...errors(404, 409, 412, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const { body } = request;
      const patch = domainFields(body);
      const input = { id: request.params.id, patch, ifMatch: ifMatchVersion(request), by: request.principal?.subject ?? 'unknown' };
      const role = roleView(await useCases.updateRole.execute(input));
      reply.header('etag', etagOf(role.version));
      return { success: true as const, role };
    },
  });

  app.delete('/roles/:id', {
    config: { permission: 'manage:auditions' },
    schema: {
      operationId: 'deleteRole',
      tags,
      summary: 'Delete a role and its auditions (castings already made stay)',
      params: IdParams,
      response: { 200: Deleted, ...errors(404, 412) },
    },
    handler: async (request) => {
      const deleted = await useCases.deleteRole.execute({ id: request.params.id, ifMatch: ifMatchVersion(request) });
      return { success: true as const, deleted };
    },
  });

  app.get('/roles/:id/candidates', {
    config: { permission: 'get:actors' },
    schema: {
      operationId: 'listRoleCandidates',
      tags,
      summary: 'Actors worth inviting',
      description:
        'Actors who fit the role (age range, gender), have no live audition for it, and no accepted part whose shoot overlaps its movie’s.',
      params: IdParams,
      querystring: CandidateListQuery,
      response: { 200: CandidateList, ...errors(404) },
    },
    handler: async (request, reply) => {
      const { query } = request;
      const input = { roleId: request.params.id, ...withoutUndefined({ q: query.q }), page: pageRequest<ActorSortField>(query) };
      const page = await useCases.listCandidates.execute(input);
      return { success: true as const, actors: page.items.map(actorView), ...pagingOf(request, reply, query, page) };
    },
  });
};
