import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UserSortField } from '../../../application/ports/user-repository.ts';
import type { DeactivateUser } from '../../../application/users/deactivate-user.ts';
import type { GetUser } from '../../../application/users/get-user.ts';
import type { ListUsers } from '../../../application/users/list-users.ts';
import type { UpdateUser } from '../../../application/users/update-user.ts';
import { withoutUndefined } from '../../../domain/without-undefined.ts';
import { answeredNotModified, etagOf, ifMatchVersion } from '../conditional.ts';
import { pageRequest, pagingOf } from '../paging.ts';
import { Deleted, errors, IdParams, NotModified } from '../wire/common.ts';
import { CatalogUserBody, OneUser, PatchUserBody, UserList, UserListQuery, userView } from '../wire/users.ts';

const tags = ['users'];

/** The use cases these routes call. */
export interface UserUseCases {
  deactivateUser: DeactivateUser;
  getUser: GetUser;
  listUsers: ListUsers;
  updateUser: UpdateUser;
}

export const userRoutes: FastifyPluginAsyncTypebox<{ useCases: UserUseCases }> = async (app, { useCases }) => {
  app.get('/users', {
    config: { permission: 'get:users' },
    schema: {
      operationId: 'listUsers',
      tags,
      summary: 'List accounts',
      querystring: UserListQuery,
      response: { 200: UserList, ...errors() },
    },
    handler: async (request, reply) => {
      const query = request.query;
      const page = await useCases.listUsers.execute({ page: pageRequest<UserSortField>(query) });
      return { success: true as const, users: page.items.map(userView), ...pagingOf(request, reply, query, page) };
    },
  });

  app.get('/users/:id', {
    config: { permission: 'get:users' },
    schema: {
      operationId: 'getUser',
      tags,
      summary: 'One account',
      params: IdParams,
      response: { 200: OneUser, 304: NotModified, ...errors(404) },
    },
    handler: async (request, reply) => {
      const user = userView(await useCases.getUser.execute({ id: request.params.id }));
      if (answeredNotModified(request, reply, etagOf(user.version))) return reply;
      return { success: true as const, user };
    },
  });

  app.patch('/users/:id', {
    config: { permission: 'manage:users' },
    schema: {
      operationId: 'updateUser',
      tags,
      summary: 'Change name, username, role, active flag or password',
      description:
        'Takes effect on the user’s next request. The last active admin cannot be demoted or deactivated (409 LAST_ADMIN). A new password (a reset) ends all the user’s sessions.',
      params: IdParams,
      body: PatchUserBody,
      response: { 200: OneUser, ...errors(404, 409, 412, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const input = { id: request.params.id, patch: withoutUndefined(request.body), ifMatch: ifMatchVersion(request) };
      const user = userView(await useCases.updateUser.execute(input));
      reply.header('etag', etagOf(user.version));
      return { success: true as const, user };
    },
  });

  app.delete('/users/:id', {
    config: { permission: 'manage:users' },
    schema: {
      operationId: 'deactivateUser',
      tags,
      summary: 'Deactivate an account (the row stays) and revoke all its sessions',
      params: IdParams,
      response: { 200: Deleted, ...errors(404, 409, 412) },
    },
    handler: async (request) => {
      const user = await useCases.deactivateUser.execute({ id: request.params.id, ifMatch: ifMatchVersion(request) });
      return { success: true as const, deleted: user.id };
    },
  });

  app.post('/update_user/:id', {
    config: { permission: 'manage:users' },
    schema: {
      operationId: 'updateUserCatalogApi',
      tags,
      summary: 'Catalog-API alias of PATCH /users/:id',
      description: '`email` is stored as the username (usernames accept e-mail addresses).',
      params: IdParams,
      body: CatalogUserBody,
      response: { 200: OneUser, ...errors(404, 409, 413, 415, 422) },
    },
    handler: async (request) => {
      const patch = withoutUndefined({ name: request.body.name, username: request.body.email });
      return { success: true as const, user: userView(await useCases.updateUser.execute({ id: request.params.id, patch })) };
    },
  });
};
