import { DomainError, invalid } from '../../domain/errors.ts';
import type { Role } from '../../domain/permissions.ts';
import { checkPasswordPolicy } from '../../domain/password-policy.ts';
import { usernameTaken } from '../../domain/user-errors.ts';
import { User } from '../../domain/user.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { UserRepository } from '../ports/user-repository.ts';

export interface NewUserInput {
  name: string;
  username: string;
  password: string;
}

/**
 * Validates every field (one error naming all problems), refuses a taken username before
 * paying for a hash, then hashes and stores. The insert still guards against a racing twin.
 */
export async function addUser(users: UserRepository, hasher: PasswordHasher, input: NewUserInput, role: Role, now: Date): Promise<User> {
  const problems = [
    ...validationDetails(() => User.create({ ...input, passwordHash: '', role }, now)),
    ...validationDetails(() => checkPasswordPolicy(input.password)),
  ];
  if (problems.length > 0) throw invalid(problems);
  if (await users.findByUsername(input.username)) throw usernameTaken(input.username);
  const passwordHash = await hasher.hash(input.password);
  return users.insert(User.create({ ...input, passwordHash, role }, now));
}

function validationDetails(check: () => unknown) {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'validation') return error.details;
    throw error;
  }
}
