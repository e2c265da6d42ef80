import { Type, type Static } from 'typebox';
import type { Casting as DomainCasting } from '../../../domain/casting.ts';
import { Id, Nullable } from './common.ts';
import { wireView, type NoFields, type UnmatchedFields } from './fields.ts';
import { CastMember } from './movie.ts';

export const CastingParams = Type.Object({ id: Id('the movie id'), actor_id: Id('the actor id') }, { additionalProperties: false });

export const CastActorBody = Type.Object(
  {
    actor_id: Id('the actor to cast'),
    character: Type.Optional(Nullable(Type.String({ description: 'up to 200 characters' }))),
    billing_order: Type.Optional(Nullable(Type.Integer({ description: '0–10,000; lower is billed first' }))),
  },
  { additionalProperties: false },
);

export const Casting = Type.Object({
  movie_id: Type.Integer(),
  actor_id: Type.Integer(),
  character: Nullable(Type.String()),
  billing_order: Nullable(Type.Integer()),
});

export const CastList = Type.Object({
  success: Type.Literal(true),
  movie_id: Type.Integer(),
  actors: Type.Array(CastMember, { description: 'in billing order, unbilled last, then by actor id' }),
});

export const CastCreated = Type.Object({ success: Type.Literal(true), casting: Casting });

export const Uncast = Type.Object({
  success: Type.Literal(true),
  deleted: Type.Integer({ description: 'the actor id removed from the cast' }),
  movie_id: Type.Integer(),
});

/** Domain → wire. */
export const castingView = wireView(Casting);

// The wire and the domain carry the same fields: one added to either side only is named by tsc here.
type _SameCastingFields = NoFields<UnmatchedFields<Static<typeof Casting>, DomainCasting>>;
