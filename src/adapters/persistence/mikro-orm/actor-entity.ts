import { defineEntity, p } from '@mikro-orm/core';

/** The actor table, declared once (see movie-entity.ts for what is inferred from it). */
export const ActorEntity = defineEntity({
  name: 'Actor',
  tableName: 'actor',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(200),
    age: p.integer(),
    gender: p.string().length(32),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version().default(1),
  },
  indexes: [
    // Every form of `q` on the folded name (text-search.ts): GET /actors, GET /search and a role's candidates.
    // (actor_name_trgm_index, on lower(name) for candidates' old "name contains" `q`, was dropped: nothing read it.)
    {
      name: 'actor_name_search_index',
      expression: 'create index "actor_name_search_index" on "actor" using gin (marquee_fold("name") gin_trgm_ops)',
    },
    // A ranked search's best tiers (text-tiers.ts): the folded name equal to `q` or starting with it.
    {
      name: 'actor_name_fold_index',
      expression: 'create index "actor_name_fold_index" on "actor" (marquee_fold("name") text_pattern_ops)',
    },
    { name: 'actor_name_index', properties: ['name', 'id'] },
    { name: 'actor_age_index', properties: ['age', 'id'] },
    // The gender filter of /actors, and the fit of /roles/:id/candidates (gender, then an age range) in one index.
    {
      name: 'actor_lower_gender_age_index',
      expression: 'create index "actor_lower_gender_age_index" on "actor" (lower("gender"), "age", "id")',
    },
    { name: 'actor_created_at_index', properties: ['createdAt', 'id'] },
  ],
});
