import t from 'tap';
import { Audition } from '../../../src/domain/audition.ts';
import { AUDITION_STATES, permissionForMove, type AuditionState } from '../../../src/domain/audition-states.ts';
import { DomainError } from '../../../src/domain/errors.ts';

const at = new Date('2026-03-01T10:00:00.000Z');

/** The graph of docs/architecture.md ("The HTTP contract"), written out edge by edge (independently of the table it tests). */
const ALLOWED: Record<string, string> = {
  'invited→auditioned': 'manage:auditions',
  'auditioned→shortlisted': 'manage:auditions',
  'shortlisted→offered': 'make:offers',
  'offered→accepted': 'make:offers',
  'offered→declined': 'make:offers',
  ...Object.fromEntries(
    ['invited', 'auditioned', 'shortlisted', 'offered'].flatMap((from) => [
      [`${from}→rejected`, 'manage:auditions'],
      [`${from}→withdrawn`, 'manage:auditions'],
    ]),
  ),
};

/** An audition brought to `state` through the graph itself (restore for the states only reachable by a path). */
function auditionIn(state: AuditionState): Audition {
  const invited = Audition.invite({ roleId: 1, actorId: 2, by: '7' }, at);
  return Audition.restore({ ...invited, state });
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? `${error.kind}:${error.code}` : 'not a domain error';
  }
}

t.test('every move on the graph is allowed and needs the permission the contract gives it', async (t) => {
  for (const [edge, permission] of Object.entries(ALLOWED)) {
    const [from, to] = edge.split('→') as [AuditionState, AuditionState];
    t.equal(permissionForMove(from, to), permission, `${edge} needs ${permission}`);
    const moved = auditionIn(from).moveTo(to, '9', at, 'why not');
    t.equal(moved.state, to, edge);
  }
});

t.test('every move off the graph is refused with 409 INVALID_TRANSITION', async (t) => {
  let refused = 0;
  for (const from of AUDITION_STATES) {
    for (const to of AUDITION_STATES) {
      if (ALLOWED[`${from}→${to}`]) continue;
      t.equal(permissionForMove(from, to), null, `${from}→${to} is not in the table`);
      t.equal(
        codeOf(() => auditionIn(from).moveTo(to, '9', at)),
        'conflict:INVALID_TRANSITION',
        `${from}→${to}`,
      );
      refused++;
    }
  }
  t.equal(refused, 64 - Object.keys(ALLOWED).length, 'all other pairs, self-moves and moves out of final states included');
});

t.test('an invitation starts the history; each move appends from, to, by, at and note', async (t) => {
  const invited = Audition.invite({ roleId: 1, actorId: 2, by: '7', note: ' first read ' }, at);
  t.same(invited.history, [{ from: null, to: 'invited', by: '7', at, note: 'first read' }]);
  t.equal(invited.version, 1);
  const later = new Date('2026-03-02T10:00:00.000Z');
  const moved = invited.moveTo('auditioned', '8', later, '  ');
  t.equal(moved.version, 2);
  t.same(moved.lastChange(), { from: 'invited', to: 'auditioned', by: '8', at: later, note: null });
  t.equal(moved.history.length, 2);
  t.equal(invited.history.length, 1, 'the original is unchanged');
  t.same(moved.updatedAt, later);
});

t.test('a note longer than 2000 characters is a validation error', async (t) => {
  t.equal(
    codeOf(() => auditionIn('invited').moveTo('auditioned', '8', at, 'x'.repeat(2001))),
    'validation:VALIDATION_FAILED',
  );
  t.equal(
    codeOf(() => Audition.invite({ roleId: 1, actorId: 2, by: '7', note: 'x'.repeat(2001) }, at)),
    'validation:VALIDATION_FAILED',
  );
});
