/** What goes into an access token about its holder. */
export interface AccessTokenSubject {
  userId: number;
  name: string;
  username: string;
  sessionId: string;
  /** For the client's information only: requests are authorized from the database. */
  permissions: readonly string[];
}

/** The verified claims of an own access token. */
export interface AccessTokenClaims {
  sub: string; // String(userId)
  userId: number; // `user_id`
  name: string;
  username: string;
  sessionId: string; // `sid`
  permissions: readonly string[];
  iss: string;
  aud: string | string[];
  iat: number;
  exp: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number; // seconds
}

/** Signs and verifies this service's own access tokens (HS256 JWT). */
export interface TokenService {
  /** The `iss` this service signs with; Authenticate routes tokens by it. */
  readonly issuer: string;
  issueAccessToken(subject: AccessTokenSubject): Promise<IssuedAccessToken>;
  /** The claims of a valid token; otherwise throws DomainError unauthorized INVALID_TOKEN, never anything else. */
  verifyAccessToken(token: string): Promise<AccessTokenClaims>;
}
