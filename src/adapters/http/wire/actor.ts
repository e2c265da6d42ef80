import { Type, type Static } from 'typebox';
import type { Role as DomainRole } from '../../../application/ports/casting-repository.ts';
import type { ActorInput, Actor as DomainActor } from '../../../domain/actor.ts';
import { KeysetPagingFields, Nullable, Timestamp } from './common.ts';
import { wireView, type NoFields, type UnmatchedFields } from './fields.ts';
import { Movie, movieView } from './movie.ts';

/** The wire module of actors: their schemas and views. */

export const Actor = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  age: Type.Integer(),
  gender: Type.String(),
  created_at: Timestamp,
  updated_at: Timestamp,
  version: Type.Integer({ description: 'grows by one on every change; the ETag is made from it' }),
});

/** A movie the actor is cast in: the movie's fields plus the casting's. */
export const Role = Type.Object({ ...Movie.properties, character: Nullable(Type.String()), billing_order: Nullable(Type.Integer()) });

export const ActorWithMovies = Type.Object({ ...Actor.properties, movies: Type.Array(Role) });

const actorFields = {
  name: Type.String({ description: '1–200 characters (422 otherwise)' }),
  age: Type.Integer({ description: '0–150 (422 otherwise)' }),
  gender: Type.String({ description: '1–32 characters (422 otherwise)' }),
};

export const CreateActorBody = Type.Object(actorFields, { additionalProperties: false });

export const PatchActorBody = Type.Object(
  { name: Type.Optional(actorFields.name), age: Type.Optional(actorFields.age), gender: Type.Optional(actorFields.gender) },
  { additionalProperties: false, minProperties: 1, description: 'any non-empty subset of name, age, gender' },
);

export const ActorList = Type.Object({ success: Type.Literal(true), actors: Type.Array(Actor), ...KeysetPagingFields });

export const OneActor = Type.Object({ success: Type.Literal(true), actor: ActorWithMovies });

export const WrittenActor = Type.Object({
  success: Type.Literal(true),
  actor: Actor,
  actors: Type.Array(Actor, { description: 'the same actor, for Casting Agency clients' }),
});

/** Domain → wire. */
export const actorView = wireView(Actor);

// The wire and the domain carry the same fields: one added to either side only is named by tsc here.
type _SameActorFields = NoFields<
  UnmatchedFields<Static<typeof Actor>, DomainActor> | UnmatchedFields<Static<typeof CreateActorBody>, ActorInput>
>;

/** A movie the actor plays in, with the part. */
export function roleView(role: DomainRole): Static<typeof Role> {
  return { ...movieView(role.movie), character: role.character, billing_order: role.billingOrder };
}
