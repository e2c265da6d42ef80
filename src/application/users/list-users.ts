import type { User } from '../../domain/user.ts';
import type { Page, PageRequest } from '../ports/paging.ts';
import type { UserRepository, UserSortField } from '../ports/user-repository.ts';

export class ListUsers {
  private readonly users: UserRepository;
  constructor(users: UserRepository) {
    this.users = users;
  }

  execute(input: { page: PageRequest<UserSortField> }): Promise<Page<User>> {
    return this.users.list(input.page);
  }
}
