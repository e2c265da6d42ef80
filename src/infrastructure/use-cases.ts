import { instanceCachingFactory, type DependencyContainer, type InjectionToken } from 'tsyringe';
import { CreateActor } from '../application/actors/create-actor.ts';
import { DeleteActor } from '../application/actors/delete-actor.ts';
import { GetActor } from '../application/actors/get-actor.ts';
import { ListActors } from '../application/actors/list-actors.ts';
import { UpdateActor } from '../application/actors/update-actor.ts';
import { CastActor } from '../application/castings/cast-actor.ts';
import { ListCast } from '../application/castings/list-cast.ts';
import { UncastActor } from '../application/castings/uncast-actor.ts';
import { GetActorSchedule } from '../application/auditions/get-actor-schedule.ts';
import { GetAudition } from '../application/auditions/get-audition.ts';
import { InviteActor } from '../application/auditions/invite-actor.ts';
import { ListAuditions } from '../application/auditions/list-auditions.ts';
import { MoveAudition } from '../application/auditions/move-audition.ts';
import { ACTOR_AVAILABILITY } from '../application/ports/actor-availability.ts';
import { AUDITION_REPOSITORY } from '../application/ports/audition-repository.ts';
import { CASTING_DESK } from '../application/ports/casting-desk.ts';
import { ROLE_REPOSITORY } from '../application/ports/role-repository.ts';
import { CreateRole } from '../application/roles/create-role.ts';
import { DeleteRole } from '../application/roles/delete-role.ts';
import { GetRole } from '../application/roles/get-role.ts';
import { ListCandidates } from '../application/roles/list-candidates.ts';
import { ListRoles } from '../application/roles/list-roles.ts';
import { UpdateRole } from '../application/roles/update-role.ts';
import { CreateImportJob } from '../application/imports/create-import-job.ts';
import { GetImportJob } from '../application/imports/get-import-job.ts';
import { ListImportJobs } from '../application/imports/list-import-jobs.ts';
import { ImportMovies } from '../application/imports/import-movies.ts';
import { ExportMovies } from '../application/movies/export-movies.ts';
import { CreateMovie } from '../application/movies/create-movie.ts';
import { DeleteMovie } from '../application/movies/delete-movie.ts';
import { GetMovie } from '../application/movies/get-movie.ts';
import { ListGenres } from '../application/movies/list-genres.ts';
import { ListMovies } from '../application/movies/list-movies.ts';
import { UpdateMovie } from '../application/movies/update-movie.ts';
import { Authenticate } from '../application/auth/authenticate.ts';
import { GetMe } from '../application/auth/get-me.ts';
import { Login } from '../application/auth/login.ts';
import { Logout } from '../application/auth/logout.ts';
import { RefreshTokens } from '../application/auth/refresh-tokens.ts';
import { ACTOR_REPOSITORY } from '../application/ports/actor-repository.ts';
import { AUTH_SETTINGS } from '../application/ports/auth-settings.ts';
import { CLOCK } from '../application/ports/clock.ts';
import { EXTERNAL_TOKEN_VERIFIER } from '../application/ports/external-token-verifier.ts';
import { IMPORT_SETTINGS } from '../application/ports/import-settings.ts';
import { PASSWORD_HASHER } from '../application/ports/password-hasher.ts';
import { RANDOM_SOURCE } from '../application/ports/random-source.ts';
import { SESSION_REPOSITORY } from '../application/ports/session-repository.ts';
import { TOKEN_SERVICE } from '../application/ports/token-service.ts';
import { USER_REPOSITORY } from '../application/ports/user-repository.ts';
import { CreateUser } from '../application/users/create-user.ts';
import { DeactivateUser } from '../application/users/deactivate-user.ts';
import { EnsureAdmin } from '../application/users/ensure-admin.ts';
import { GetUser } from '../application/users/get-user.ts';
import { ListUsers } from '../application/users/list-users.ts';
import { RegisterUser } from '../application/users/register-user.ts';
import { UpdateUser } from '../application/users/update-user.ts';
import { ResetPassword } from '../application/users/reset-password.ts';
import { ChangePassword } from '../application/auth/change-password.ts';
import { PruneSessions } from '../application/auth/prune-sessions.ts';
import { PruneImportJobs } from '../application/imports/prune-import-jobs.ts';
import { CASTING_REPOSITORY } from '../application/ports/casting-repository.ts';
import { MOVIE_REPOSITORY } from '../application/ports/movie-repository.ts';
import { IMPORT_JOB_REPOSITORY } from '../application/ports/import-job-repository.ts';
import { MOVIE_IMPORT_STORE } from '../application/ports/movie-import-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- use-case constructors differ
type UseCaseClass = new (...deps: any[]) => unknown;

/**
 * Each use case with the port tokens its constructor takes, in order. Explicit tokens
 * instead of decorators: a missing registration fails loudly at resolve time.
 */
const USE_CASES: [UseCaseClass, ...InjectionToken[]][] = [
  [CreateMovie, MOVIE_REPOSITORY],
  [GetMovie, CASTING_REPOSITORY],
  [ListMovies, MOVIE_REPOSITORY],
  [UpdateMovie, MOVIE_REPOSITORY],
  [DeleteMovie, MOVIE_REPOSITORY],
  [ListGenres, MOVIE_REPOSITORY],
  [ExportMovies, MOVIE_REPOSITORY],
  [CreateImportJob, IMPORT_JOB_REPOSITORY, CLOCK],
  [ImportMovies, MOVIE_IMPORT_STORE, IMPORT_JOB_REPOSITORY, CLOCK],
  [GetImportJob, IMPORT_JOB_REPOSITORY, CLOCK, IMPORT_SETTINGS],
  [ListImportJobs, IMPORT_JOB_REPOSITORY, CLOCK, IMPORT_SETTINGS],
  [CreateActor, ACTOR_REPOSITORY],
  [GetActor, ACTOR_REPOSITORY, CASTING_REPOSITORY],
  [ListActors, ACTOR_REPOSITORY],
  [UpdateActor, ACTOR_REPOSITORY],
  [DeleteActor, ACTOR_REPOSITORY],
  [CastActor, MOVIE_REPOSITORY, ACTOR_REPOSITORY, CASTING_REPOSITORY],
  [UncastActor, CASTING_REPOSITORY],
  [ListCast, MOVIE_REPOSITORY, CASTING_REPOSITORY],
  [CreateRole, ROLE_REPOSITORY, CLOCK],
  [GetRole, ROLE_REPOSITORY],
  [ListRoles, MOVIE_REPOSITORY, ROLE_REPOSITORY],
  [UpdateRole, CASTING_DESK, CLOCK],
  [DeleteRole, ROLE_REPOSITORY],
  [ListCandidates, ROLE_REPOSITORY, MOVIE_REPOSITORY, ACTOR_AVAILABILITY],
  [InviteActor, CASTING_DESK, CLOCK],
  [MoveAudition, CASTING_DESK, CLOCK],
  [GetAudition, AUDITION_REPOSITORY],
  [ListAuditions, ROLE_REPOSITORY, AUDITION_REPOSITORY],
  [GetActorSchedule, ACTOR_REPOSITORY, ACTOR_AVAILABILITY],
  [Login, USER_REPOSITORY, SESSION_REPOSITORY, PASSWORD_HASHER, TOKEN_SERVICE, RANDOM_SOURCE, CLOCK, AUTH_SETTINGS],
  [RefreshTokens, USER_REPOSITORY, SESSION_REPOSITORY, TOKEN_SERVICE, RANDOM_SOURCE, CLOCK],
  [Logout, SESSION_REPOSITORY, CLOCK],
  [Authenticate, TOKEN_SERVICE, SESSION_REPOSITORY, EXTERNAL_TOKEN_VERIFIER, CLOCK],
  [GetMe, USER_REPOSITORY],
  [RegisterUser, USER_REPOSITORY, PASSWORD_HASHER, AUTH_SETTINGS, CLOCK],
  [CreateUser, USER_REPOSITORY, PASSWORD_HASHER, CLOCK],
  [EnsureAdmin, USER_REPOSITORY, PASSWORD_HASHER, CLOCK],
  [ListUsers, USER_REPOSITORY],
  [GetUser, USER_REPOSITORY],
  [UpdateUser, USER_REPOSITORY, SESSION_REPOSITORY, CLOCK, PASSWORD_HASHER],
  [ResetPassword, USER_REPOSITORY, SESSION_REPOSITORY, PASSWORD_HASHER, CLOCK],
  [ChangePassword, USER_REPOSITORY, SESSION_REPOSITORY, PASSWORD_HASHER, CLOCK],
  [DeactivateUser, USER_REPOSITORY, SESSION_REPOSITORY, CLOCK],
  [PruneSessions, SESSION_REPOSITORY, CLOCK],
  [PruneImportJobs, IMPORT_JOB_REPOSITORY, CLOCK, IMPORT_SETTINGS],
];

export function registerUseCases(container: DependencyContainer): void {
  for (const [useCase, ...tokens] of USE_CASES) {
    const factory = instanceCachingFactory((c) => new useCase(...tokens.map((token) => c.resolve(token))));
    container.register(useCase, { useFactory: factory });
  }
}
