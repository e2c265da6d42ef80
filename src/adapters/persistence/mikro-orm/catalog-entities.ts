import { ActorEntity } from './actor-entity.ts';
import { CastingEntity } from './casting-entity.ts';
import { ImportJobEntity } from './import-job-entity.ts';
import { MovieEntity } from './movie-entity.ts';

export const catalogEntities = [MovieEntity, ActorEntity, CastingEntity, ImportJobEntity];
