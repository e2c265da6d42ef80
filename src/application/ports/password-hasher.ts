/** Slow, salted password hashing (Argon2id in production). */
export interface PasswordHasher {
  /** A self-describing hash string (PHC format) with its own salt and parameters. */
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash; never throws for either. */
  verify(hash: string, password: string): Promise<boolean>;
}
