/** The identity settings use cases need (from REGISTRATION and REFRESH_TOKEN_TTL). */
export interface AuthSettings {
  registration: 'open' | 'closed';
  refreshTokenTtlSeconds: number;
}
