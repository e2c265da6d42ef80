import type { Actor } from '../../domain/actor.ts';
import type { Casting } from '../../domain/casting.ts';
import type { Movie } from '../../domain/movie.ts';
import type { CastMember, Role } from '../../application/ports/casting-repository.ts';

/** Domain objects → the snake_case wire format (docs/architecture.md, "The HTTP contract"). */
export function movieView(movie: Movie) {
  return {
    id: movie.id,
    title: movie.title,
    release_date: movie.releaseDate,
    director: movie.director,
    genres: movie.genres,
    popularity: movie.popularity,
    imdb_score: movie.imdbScore,
    shoot_start: movie.shootStart,
    shoot_end: movie.shootEnd,
    created_at: movie.createdAt.toISOString(),
    updated_at: movie.updatedAt.toISOString(),
    version: movie.version,
  };
}

export function actorView(actor: Actor) {
  return {
    id: actor.id,
    name: actor.name,
    age: actor.age,
    gender: actor.gender,
    created_at: actor.createdAt.toISOString(),
    updated_at: actor.updatedAt.toISOString(),
    version: actor.version,
  };
}

export function castMemberView(member: CastMember) {
  const { id, name, age, gender } = member.actor;
  return { id, name, age, gender, character: member.character, billing_order: member.billingOrder };
}

export function roleView(role: Role) {
  return { ...movieView(role.movie), character: role.character, billing_order: role.billingOrder };
}

export function castingView(casting: Casting) {
  return {
    movie_id: casting.movieId,
    actor_id: casting.actorId,
    character: casting.character,
    billing_order: casting.billingOrder,
  };
}
