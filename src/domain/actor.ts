import { withoutUndefined } from './without-undefined.ts';
import { Rules } from './rules.ts';

export interface ActorInput {
  name: string;
  age: number;
  gender: string;
}

export type ActorPatch = Partial<ActorInput>;

export interface ActorProps extends ActorInput {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** An actor who can be cast in movies. Unsaved actors have id 0. */
export class Actor implements ActorProps {
  readonly id!: number;
  readonly name!: string;
  readonly age!: number;
  readonly gender!: string;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  readonly version!: number;

  private constructor(props: ActorProps) {
    Object.assign(this, props);
  }

  static create(input: ActorInput, now: Date): Actor {
    return new Actor({ id: 0, ...validActorFields(input), createdAt: now, updatedAt: now, version: 1 });
  }

  static restore(props: ActorProps): Actor {
    return new Actor(props);
  }

  withChanges(patch: ActorPatch, now: Date): Actor {
    const fields = validActorFields({ ...this, ...withoutUndefined(patch) });
    return new Actor({ ...this, ...fields, updatedAt: now, version: this.version + 1 });
  }
}

function validActorFields(input: ActorInput): ActorInput {
  const name = input.name.trim();
  const gender = input.gender.trim();
  new Rules()
    .text(name, '/name', 1, 200)
    .integer(input.age, '/age')
    .range(input.age, '/age', 0, 150)
    .text(gender, '/gender', 1, 32)
    .enforce();
  return { name, age: input.age, gender };
}
