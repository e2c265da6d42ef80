import type { Actor } from './actor.ts';
import type { ErrorDetail } from './errors.ts';

/** The part of a role's description an actor must fit; every field optional (none = anyone). */
export interface FitCriteria {
  ageMin: number | null;
  ageMax: number | null;
  gender: string | null;
}

/** Each way the actor misses the role: age within the range (bounds inclusive), gender equal ignoring case. */
export function fitProblems(role: FitCriteria, actor: Pick<Actor, 'age' | 'gender'>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (role.ageMin !== null && actor.age < role.ageMin) {
    problems.push({ path: '/age', message: `age ${actor.age} is under the role's minimum of ${role.ageMin}` });
  }
  if (role.ageMax !== null && actor.age > role.ageMax) {
    problems.push({ path: '/age', message: `age ${actor.age} is over the role's maximum of ${role.ageMax}` });
  }
  if (role.gender !== null && role.gender.toLowerCase() !== actor.gender.toLowerCase()) {
    problems.push({ path: '/gender', message: `the role is for gender ${role.gender}, the actor's is ${actor.gender}` });
  }
  return problems;
}
