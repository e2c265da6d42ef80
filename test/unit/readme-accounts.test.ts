import { readFileSync } from 'node:fs';
import t from 'tap';
import { LOGIN_LIMITS } from '../../src/adapters/http/rate-limit.ts';

/*
 * Issue 10's Done-when: the README documents password change and reset, the lockout
 * behaviour and the pruning. Each paragraph is found by its bold lead-in and checked for the
 * facts a user relies on, the limits against the code's own values.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** From the bold lead-in to the next one or the next heading, its lists included, on one line. */
const paragraph = (lead: string) => {
  const start = readme.indexOf(`**${lead}**`);
  if (start < 0) return '';
  const end = readme.slice(start + lead.length).search(/\n\n(\*\*|#)/);
  return readme.slice(start, start + lead.length + end).replace(/\s+/g, ' ');
};

t.test('password change and reset', async (t) => {
  const text = paragraph('Changing and resetting passwords.');
  for (const fact of ['`POST /auth/password`', 'the current one is required', 'their other sessions end', '`PATCH /users/:id`'])
    t.ok(text.includes(fact), fact);
  t.match(text, /all of that user's sessions end/);
  t.match(readme, /npm run user:password -- admin/, 'the CLI for a locked-out admin');
});

t.test('lockout: the limits the code applies, and that nobody is locked out', async (t) => {
  const text = paragraph('Failed logins slow an attacker without locking anyone out.');
  t.match(text, new RegExp(`a client with ${LOGIN_LIMITS.perClient} failed logins, for any usernames, gets 429 with \`Retry-After\``));
  t.match(text, new RegExp(`a client with ${LOGIN_LIMITS.perUsernameAndClient} failed logins for one username gets 429`));
  t.match(text, new RegExp(`once a username has ${LOGIN_LIMITS.perUsername} failures from all clients`));
  t.equal(LOGIN_LIMITS.windowMs, 60_000, 'README says one-minute windows');
  t.match(text, /one-minute windows/);
  t.equal(LOGIN_LIMITS.slowdownMs, 1_000, 'README says slowed by a second');
  t.match(text, /slowed by a second but still answered/);
  t.match(text, /the owner, from a client that has not been failing, still logs in/);
  t.match(text, /A wrong `current_password` at `POST \/auth\/password` is counted the same way/);
});

t.test('pruning: what goes, when, and every setting that decides it', async (t) => {
  const text = paragraph('Pruning.');
  t.match(text, /Every hour \(and at start\) each instance deletes expired sessions/);
  t.match(text, /refresh tokens \(spent ones included\)/);
  t.match(text, /several instances may sweep at once/);
  for (const setting of ['`ACCESS_TOKEN_TTL`', '`IMPORT_JOB_RETENTION` (30 days)']) t.ok(text.includes(setting), setting);
  t.match(text, /A job still reporting progress is never pruned/);
});
