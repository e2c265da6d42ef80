import { Rules } from './rules.ts';

export interface CastingInput {
  movieId: number;
  actorId: number;
  character?: string | null;
  billingOrder?: number | null;
}

/** One actor cast in one movie; a pair is cast at most once. */
export class Casting {
  readonly movieId!: number;
  readonly actorId!: number;
  readonly character!: string | null;
  readonly billingOrder!: number | null;

  private constructor(props: Casting) {
    Object.assign(this, props);
  }

  static create(input: CastingInput): Casting {
    const character = input.character?.trim() || null;
    new Rules()
      .text(character, '/character', 1, 200)
      .integer(input.billingOrder, '/billing_order')
      .range(input.billingOrder, '/billing_order', 0, 10_000)
      .enforce();
    return new Casting({ movieId: input.movieId, actorId: input.actorId, character, billingOrder: input.billingOrder ?? null });
  }

  static restore(props: Casting): Casting {
    return new Casting(props);
  }
}
