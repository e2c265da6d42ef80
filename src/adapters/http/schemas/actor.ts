import { Type } from 'typebox';
import { ACTOR_SORT_FIELDS } from '../../../application/ports/actor-repository.ts';
import { Id, Nullable, PagingFields, PagingQuery, SortQuery, Timestamp } from './common.ts';
import { Movie } from './movie.ts';

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

export const ActorListQuery = Type.Object(
  {
    ...PagingQuery,
    sort: Type.Optional(SortQuery(ACTOR_SORT_FIELDS)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'case-insensitive substring of the name' })),
    gender: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'exact, ignoring case' })),
    'age.gte': Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'age at least' })),
    'age.lte': Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'age at most' })),
    movie: Type.Optional(Id('only actors cast in this movie')),
  },
  { additionalProperties: false },
);

export const ActorList = Type.Object({ success: Type.Literal(true), actors: Type.Array(Actor), ...PagingFields });

export const OneActor = Type.Object({ success: Type.Literal(true), actor: ActorWithMovies });

export const WrittenActor = Type.Object({
  success: Type.Literal(true),
  actor: Actor,
  actors: Type.Array(Actor, { description: 'the same actor, for Casting Agency clients' }),
});
