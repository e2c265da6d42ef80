export interface ExternalIdentity {
  subject: string; // `sub`
  permissions: readonly string[]; // the `permissions` claim, [] when absent
}

/**
 * Verifies tokens of one configured external issuer (Auth0): RS256 only, issuer and
 * audience pinned. Absent (null) when AUTH_ISSUER is not configured.
 */
export interface ExternalTokenVerifier {
  readonly issuer: string;
  /** Throws DomainError unauthorized INVALID_TOKEN for any bad token; unavailable when keys cannot be fetched. */
  verify(token: string): Promise<ExternalIdentity>;
}
