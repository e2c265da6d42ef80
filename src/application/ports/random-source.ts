/** Unpredictable values, from a cryptographic generator. */
export interface RandomSource {
  /** An opaque refresh token: 256 random bits, base64url. */
  token(): string;
  /** A random UUID (v4), for session ids. */
  uuid(): string;
}
