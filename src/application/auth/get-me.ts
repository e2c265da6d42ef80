import { notFound } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import type { User } from '../../domain/user.ts';
import type { UserRepository } from '../ports/user-repository.ts';

/** The caller: their account (null for an external principal) and effective permissions. */
export interface Me {
  user: User | null;
  principal: Principal;
}

export class GetMe {
  private readonly users: UserRepository;
  constructor(users: UserRepository) {
    this.users = users;
  }

  async execute(input: { principal: Principal }): Promise<Me> {
    const { principal } = input;
    if (principal.userId === undefined) return { user: null, principal };
    const user = await this.users.findById(principal.userId);
    if (!user) throw notFound('user', principal.userId);
    return { user, principal };
  }
}
