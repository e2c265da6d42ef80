import { invalidToken, unauthorized } from '../../domain/auth-errors.ts';
import { PERMISSIONS, permissionsOf, type Permission } from '../../domain/permissions.ts';
import type { Principal } from '../../domain/principal.ts';
import type { AccessRecord } from '../../domain/session.ts';
import type { Clock } from '../ports/clock.ts';
import type { ExternalTokenVerifier } from '../ports/external-token-verifier.ts';
import type { SessionRepository } from '../ports/session-repository.ts';
import type { AccessTokenClaims, TokenService } from '../ports/token-service.ts';
import { peekIssuer } from './peek-issuer.ts';

/**
 * Bearer token → Principal. Own tokens: the signature proves who, the database says what:
 * role, active flag and session are read on every call, so demotion, deactivation and
 * logout act on the next request. External tokens: their verified `permissions` claim.
 */
export class Authenticate {
  private readonly tokens: TokenService;
  private readonly sessions: SessionRepository;
  private readonly external: ExternalTokenVerifier | null;
  private readonly clock: Clock;

  constructor(tokens: TokenService, sessions: SessionRepository, external: ExternalTokenVerifier | null, clock: Clock) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.external = external;
    this.clock = clock;
  }

  async execute(input: { token: string }): Promise<Principal> {
    if (this.isExternal(input.token)) return this.fromExternal(input.token);
    const claims = await this.tokens.verifyAccessToken(input.token);
    const access = await this.sessions.findActiveAccess(claims.sessionId);
    this.checkAccess(claims, access);
    return {
      subject: claims.sub,
      userId: access.userId,
      role: access.role,
      sessionId: claims.sessionId,
      permissions: permissionsOf(access.role),
      external: false,
    };
  }

  /** Only with an external issuer configured is the token's payload decoded an extra time to choose. */
  private isExternal(token: string): boolean {
    if (!this.external) return false;
    const issuer = peekIssuer(token);
    return issuer === this.external.issuer && issuer !== this.tokens.issuer;
  }

  private checkAccess(claims: AccessTokenClaims, access: AccessRecord | null): asserts access is AccessRecord {
    if (!access || access.userId !== claims.userId) throw invalidToken();
    const expired = access.sessionExpiresAt.getTime() <= this.clock.now().getTime();
    if (access.sessionRevoked || expired) throw unauthorized('SESSION_ENDED', 'the session has ended; log in again');
    if (!access.active) throw unauthorized('ACCOUNT_INACTIVE', 'the account is deactivated');
  }

  private async fromExternal(token: string): Promise<Principal> {
    const identity = await this.external!.verify(token);
    const known = identity.permissions.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p));
    return { subject: identity.subject, permissions: known, external: true };
  }
}
