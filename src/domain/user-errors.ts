import { conflict, type DomainError } from './errors.ts';

/** A username is unique ignoring case; the second spelling is refused, whichever path tries it. */
export const usernameTaken = (username: string): DomainError => conflict('USERNAME_TAKEN', `username ${username} is taken`);

/** What `UserRepository.update` throws rather than leave no active admin. */
export const lastActiveAdmin = (): DomainError => conflict('LAST_ADMIN', 'the last active admin cannot be demoted or deactivated');
