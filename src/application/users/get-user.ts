import { notFound } from '../../domain/errors.ts';
import type { User } from '../../domain/user.ts';
import type { UserRepository } from '../ports/user-repository.ts';

export class GetUser {
  private readonly users: UserRepository;
  constructor(users: UserRepository) {
    this.users = users;
  }

  async execute(input: { id: number }): Promise<User> {
    const user = await this.users.findById(input.id);
    if (!user) throw notFound('user', input.id);
    return user;
  }
}
