import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import type { UserRepository } from '../../src/application/ports/user-repository.ts';
import type { RefreshTokenRecord, Session } from '../../src/domain/session.ts';
import { hashRefreshToken } from '../../src/domain/session.ts';
import { newUser, nextInstant, type IdentityFactory } from './user-repository.support.ts';

const DAY = 86_400_000;

export function sessionOf(userId: number, now = nextInstant(), ttl = 30 * DAY): Session {
  return { id: randomUUID(), userId, createdAt: now, expiresAt: new Date(now.getTime() + ttl), revokedAt: null };
}

export function tokenOf(session: Session, now = nextInstant()): RefreshTokenRecord {
  return { tokenHash: hashRefreshToken(randomUUID()), sessionId: session.id, createdAt: now, expiresAt: session.expiresAt, spentAt: null };
}

async function someone(users: UserRepository, username: string) {
  return users.insert(newUser(username, 'casting_director'));
}

/** The behaviour every SessionRepository adapter must show. */
export function sessionRepositoryContract(t: Test, fresh: IdentityFactory): void {
  t.test('create stores the session and its first token; findRefreshToken reads both', async (t) => {
    const { users, sessions } = await fresh();
    const user = await someone(users, 'frank');
    const session = sessionOf(user.id);
    const token = tokenOf(session);
    await sessions.create(session, token);
    t.same(await sessions.findRefreshToken(token.tokenHash), { token, session }, 'every field as stored, to the millisecond');
    t.equal(await sessions.findRefreshToken(hashRefreshToken('never issued')), null);
  });

  t.test('spend succeeds once; the next token joins the family', async (t) => {
    const { users, sessions } = await fresh();
    const session = sessionOf((await someone(users, 'grace')).id);
    const first = tokenOf(session);
    await sessions.create(session, first);
    const when = nextInstant();
    t.equal(await sessions.spend(first.tokenHash, when), true);
    t.equal(await sessions.spend(first.tokenHash, nextInstant()), false, 'a spent token cannot be spent again');
    t.same((await sessions.findRefreshToken(first.tokenHash))?.token.spentAt, when, 'the first spend time stands');
    t.equal(await sessions.spend(hashRefreshToken('unknown'), nextInstant()), false, 'an unknown token is not spent');
    const next = tokenOf(session);
    await sessions.addRefreshToken(next);
    t.same(await sessions.findRefreshToken(next.tokenHash), { token: next, session });
  });

  t.test('fifty concurrent spends of one token: exactly one wins', async (t) => {
    const { users, sessions } = await fresh();
    const session = sessionOf((await someone(users, 'heidi')).id);
    const token = tokenOf(session);
    await sessions.create(session, token);
    const now = nextInstant();
    const results = await Promise.all(Array.from({ length: 50 }, () => sessions.spend(token.tokenHash, now)));
    t.equal(results.filter(Boolean).length, 1);
  });

  t.test('revoke marks one session, once, and only that one', async (t) => {
    const { users, sessions } = await fresh();
    const userId = (await someone(users, 'ivan')).id;
    const [one, other] = [sessionOf(userId), sessionOf(userId)];
    const [oneToken, otherToken] = [tokenOf(one), tokenOf(other)];
    await sessions.create(one, oneToken);
    await sessions.create(other, otherToken);
    const when = nextInstant();
    await sessions.revoke(one.id, when);
    await sessions.revoke(one.id, nextInstant());
    t.same((await sessions.findRefreshToken(oneToken.tokenHash))?.session.revokedAt, when, 'revoking again keeps the first time');
    t.equal((await sessions.findRefreshToken(otherToken.tokenHash))?.session.revokedAt, null);
    t.equal((await sessions.findActiveAccess(one.id))?.sessionRevoked, true);
    t.equal((await sessions.findActiveAccess(other.id))?.sessionRevoked, false);
    await sessions.revoke(randomUUID(), nextInstant());
    await sessions.revoke('not-a-uuid', nextInstant());
    t.pass('revoking an unknown session is a no-op');
  });

  t.test("revokeAllForUser revokes every live session of that user and no one else's", async (t) => {
    const { users, sessions } = await fresh();
    const [judy, kim] = [(await someone(users, 'judy')).id, (await someone(users, 'kim')).id];
    const judys = [sessionOf(judy), sessionOf(judy), sessionOf(judy)];
    const kims = sessionOf(kim);
    const tokens = new Map<string, RefreshTokenRecord>();
    for (const session of [...judys, kims]) {
      tokens.set(session.id, tokenOf(session));
      await sessions.create(session, tokens.get(session.id)!);
    }
    const earlier = nextInstant();
    await sessions.revoke(judys[0]!.id, earlier);
    const when = nextInstant();
    await sessions.revokeAllForUser(judy, when);
    const revokedAt = async (session: Session) => (await sessions.findRefreshToken(tokens.get(session.id)!.tokenHash))?.session.revokedAt;
    t.same(await Promise.all(judys.map(revokedAt)), [earlier, when, when], 'an already revoked session keeps its time');
    t.equal(await revokedAt(kims), null);
    t.equal((await sessions.findActiveAccess(kims.id))?.sessionRevoked, false);
  });

  t.test('findActiveAccess reads role, active flag, revocation and expiry as they are now', async (t) => {
    const { users, sessions } = await fresh();
    const user = await users.insert(newUser('leo', 'executive_producer'));
    const expired = sessionOf(user.id, new Date('2020-01-01T00:00:00.123Z'), DAY);
    const session = sessionOf(user.id);
    await sessions.create(session, tokenOf(session));
    await sessions.create(expired, tokenOf(expired));
    t.same(await sessions.findActiveAccess(session.id), {
      userId: user.id,
      role: 'executive_producer',
      active: true,
      sessionRevoked: false,
      sessionExpiresAt: session.expiresAt,
    });
    t.same(
      (await sessions.findActiveAccess(expired.id))?.sessionExpiresAt,
      new Date('2020-01-02T00:00:00.123Z'),
      'an expired session says when',
    );
    const demoted = user.withChanges({ role: 'casting_assistant' }, nextInstant());
    await users.update(demoted, user.version);
    t.equal((await sessions.findActiveAccess(session.id))?.role, 'casting_assistant', 'a demotion shows at once');
    await users.update(demoted.withChanges({ active: false }, nextInstant()), demoted.version);
    t.equal((await sessions.findActiveAccess(session.id))?.active, false, 'a deactivation shows at once');
    await sessions.revoke(session.id, nextInstant());
    t.equal((await sessions.findActiveAccess(session.id))?.sessionRevoked, true, 'a logout shows at once');
    t.equal(await sessions.findActiveAccess(randomUUID()), null, 'an unknown session is null');
    t.equal(await sessions.findActiveAccess('not-a-uuid'), null, 'so is anything that is not a session id');
  });

  t.test("revokeAllForUser can keep one session (a password change keeps the caller's)", async (t) => {
    const { users, sessions } = await fresh();
    const mia = (await someone(users, 'mia')).id;
    const [kept, other] = [sessionOf(mia), sessionOf(mia)];
    for (const session of [kept, other]) await sessions.create(session, tokenOf(session));
    await sessions.revokeAllForUser(mia, nextInstant(), kept.id);
    t.equal((await sessions.findActiveAccess(kept.id))?.sessionRevoked, false, 'the kept session lives');
    t.equal((await sessions.findActiveAccess(other.id))?.sessionRevoked, true);
    await sessions.revokeAllForUser(mia, nextInstant(), 'not-a-uuid');
    t.equal((await sessions.findActiveAccess(kept.id))?.sessionRevoked, true, 'a keep that names no session keeps none');
  });

  t.test('prune deletes expired sessions and long-revoked ones with their tokens; live ones stay', async (t) => {
    const { users, sessions } = await fresh();
    const ned = (await someone(users, 'ned')).id;
    const now = new Date('2025-06-01T12:00:00.000Z');
    const expired = sessionOf(ned, new Date('2025-05-01T00:00:00.000Z'), DAY);
    const live = sessionOf(ned, new Date('2025-05-31T00:00:00.000Z'));
    const revokedLongAgo = sessionOf(ned, new Date('2025-05-20T00:00:00.000Z'));
    const revokedJustNow = sessionOf(ned, new Date('2025-05-20T00:00:00.000Z'));
    const tokens = new Map<Session, RefreshTokenRecord>();
    for (const session of [expired, live, revokedLongAgo, revokedJustNow]) {
      tokens.set(session, tokenOf(session));
      await sessions.create(session, tokens.get(session)!);
    }
    const spent = tokens.get(expired)!;
    await sessions.spend(spent.tokenHash, new Date('2025-05-01T01:00:00.000Z'));
    await sessions.revoke(revokedLongAgo.id, new Date('2025-05-30T00:00:00.000Z'));
    await sessions.revoke(revokedJustNow.id, new Date('2025-06-01T11:59:00.000Z'));
    const revokedBefore = new Date('2025-06-01T11:00:00.000Z');
    t.equal(await sessions.prune(now, revokedBefore), 2);
    t.equal(await sessions.findRefreshToken(spent.tokenHash), null, 'the expired family went, spent tokens included');
    t.equal(await sessions.findActiveAccess(revokedLongAgo.id), null);
    t.ok(await sessions.findActiveAccess(live.id));
    t.equal((await sessions.findActiveAccess(revokedJustNow.id))?.sessionRevoked, true, 'recently revoked: still says SESSION_ENDED');
    t.ok(await sessions.findRefreshToken(tokens.get(live)!.tokenHash));
    t.equal(await sessions.prune(now, revokedBefore), 0, 'pruning again changes nothing');
  });
}
