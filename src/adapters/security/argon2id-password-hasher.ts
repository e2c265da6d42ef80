import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from '../../application/ports/password-hasher.ts';

/** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane (docs/architecture.md, "Security rules"). */
export const ARGON2ID_DEFAULTS: Options = {
  algorithm: 2 as Algorithm, // Argon2id; the enum is `const`, which type stripping cannot inline
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
};

export class Argon2idPasswordHasher implements PasswordHasher {
  private readonly options: Options;

  constructor(options: Partial<Options> = {}) {
    this.options = { ...ARGON2ID_DEFAULTS, ...options };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash is a failed login, not a crash
    }
  }
}
