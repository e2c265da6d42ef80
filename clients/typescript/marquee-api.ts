// Generated from the OpenAPI document Marquee serves at /docs/json by `npm run client:generate`
// (openapi-typescript). Do not edit: CI fails when this file differs from a fresh generation.

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List movies
         * @description Permission: `get:movies`.
         */
        get: operations["listMovies"];
        put?: never;
        /**
         * Create a movie
         * @description Permission: `post:movies`.
         */
        post: operations["createMovie"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A movie with its cast
         * @description Permission: `get:movies`.
         */
        get: operations["getMovie"];
        put?: never;
        post?: never;
        /**
         * Delete a movie and its castings
         * @description Permission: `delete:movies`.
         */
        delete: operations["deleteMovie"];
        options?: never;
        head?: never;
        /**
         * Change a movie
         * @description Send If-Match with the ETag you read to refuse the change when someone changed the movie meanwhile (412). A new shoot window (`shoot_start`, `shoot_end`) that would make an actor with an accepted part in this movie overlap another of their accepted parts is a 409 `SCHEDULE_CONFLICT` naming the actor and the other role, and changes nothing; a title, director and release date another movie has is a 409 `MOVIE_CONFLICT`.
         *
         *     Permission: `patch:movies`.
         */
        patch: operations["updateMovie"];
        trace?: never;
    };
    "/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List actors
         * @description Permission: `get:actors`.
         */
        get: operations["listActors"];
        put?: never;
        /**
         * Create an actor
         * @description Permission: `post:actors`.
         */
        post: operations["createActor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An actor with their movies
         * @description Permission: `get:actors`.
         */
        get: operations["getActor"];
        put?: never;
        post?: never;
        /**
         * Delete an actor and their castings
         * @description Permission: `delete:actors`.
         */
        delete: operations["deleteActor"];
        options?: never;
        head?: never;
        /**
         * Change an actor
         * @description Send If-Match with the ETag you read to refuse the change when someone changed the actor meanwhile.
         *
         *     Permission: `patch:actors`.
         */
        patch: operations["updateActor"];
        trace?: never;
    };
    "/movies/{id}/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cast of a movie, in billing order
         * @description Permission: `get:movies`.
         */
        get: operations["listCast"];
        put?: never;
        /**
         * Cast an actor in a movie
         * @description Location points at the cast list. A pair already cast is a 409.
         *
         *     Permission: `patch:movies`.
         */
        post: operations["castActor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies/{id}/actors/{actor_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an actor from the cast
         * @description Permission: `patch:movies`.
         */
        delete: operations["uncastActor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A movie's roles
         * @description Permission: `get:movies`.
         */
        get: operations["listMovieRoles"];
        put?: never;
        /**
         * Describe a role (a part) in a movie
         * @description Permission: `manage:auditions`.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A role
         * @description Permission: `get:movies`.
         */
        get: operations["getRole"];
        put?: never;
        post?: never;
        /**
         * Delete a role and its auditions (castings already made stay)
         * @description Permission: `manage:auditions`.
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        /**
         * Change, close or reopen a role
         * @description Fewer slots that the accepted parts now fill make the role `filled` and end its pending auditions `rejected`; more slots reopen a `filled` role. `state: closed` closes any role; `state: open` reopens a `closed` one, but is a 409 `ROLE_STATE_CONFLICT` (nothing changed) when the accepted parts take all the slots: raise `slots` in the same request to reopen it.
         *
         *     Permission: `manage:auditions`.
         */
        patch: operations["updateRole"];
        trace?: never;
    };
    "/roles/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Actors worth inviting
         * @description Actors who fit the role (age range, gender), have no live audition for it, and no accepted part whose shoot overlaps its movie’s.
         *
         *     Permission: `get:actors`.
         */
        get: operations["listRoleCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles/{id}/auditions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A role's auditions with their history
         * @description Permission: `get:movies`.
         */
        get: operations["listRoleAuditions"];
        put?: never;
        /**
         * Invite an actor to audition
         * @description The role must be open (409 `ROLE_NOT_OPEN`), the actor must fit it (422 `ACTOR_DOES_NOT_FIT`) and may hold one live audition per role (409 `ALREADY_AUDITIONING`).
         *
         *     Permission: `manage:auditions`.
         */
        post: operations["inviteToAudition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An audition with its history
         * @description Permission: `get:movies`.
         */
        get: operations["getAudition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditions/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an audition to another state
         * @description Moves the audition along the state graph (each target with the permission it needs):
         *
         *     - `invited` → `auditioned` (manage:auditions), `rejected` (manage:auditions), `withdrawn` (manage:auditions)
         *     - `auditioned` → `shortlisted` (manage:auditions), `rejected` (manage:auditions), `withdrawn` (manage:auditions)
         *     - `shortlisted` → `offered` (make:offers), `rejected` (manage:auditions), `withdrawn` (manage:auditions)
         *     - `offered` → `accepted` (make:offers), `declined` (make:offers), `rejected` (manage:auditions), `withdrawn` (manage:auditions)
         *
         *     Anything else is a 409 `INVALID_TRANSITION`. Offering past the role's slots is 409 `NO_OPEN_SLOT`; a closed role takes no offer or acceptance (409 `ROLE_NOT_OPEN`). Offering and accepting check again that the actor fits the role as it is now (422 `ACTOR_DOES_NOT_FIT`, nothing changed: the role or the actor may have changed since the invitation); moves that end the audition stay allowed for a misfit. Accepting casts the actor with the role's name as character, refuses a part whose shoot overlaps one the actor already accepted (409 `SCHEDULE_CONFLICT`), and when the accepted parts reach the slots fills the role and ends its other live auditions `rejected` — all in one transaction. An actor is cast once per movie: accepting for an actor already cast in it (by `POST /movies/:id/actors`, or through another of its roles when the movie has no shoot window — with one, that part overlaps the first and the answer is `SCHEDULE_CONFLICT`) is a 409 `CASTING_CONFLICT` and changes nothing — the audition stays `offered`, to be declined or withdrawn; inviting and offering such an actor are allowed. Send If-Match to refuse the move when the audition changed meanwhile (412).
         *
         *     Permission: `manage:auditions`.
         */
        post: operations["moveAudition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actors/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An actor's accepted parts with their shoots
         * @description Permission: `get:actors`.
         */
        get: operations["getActorSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/genres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Genre names with movie counts
         * @description Permission: `get:movies`.
         */
        get: operations["listGenres"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search movies and actors
         * @description Movies (by title and director) and actors (by name) together, each with its `kind`, best first. Needs get:movies; actors are part of the results only when the caller also has get:actors (every role has both). Totals count each kind up to 1,000 (`total_capped`). By `page`, page × limit reaches 1,000 results; `next_cursor` (and the Link header) goes on from any page, at any depth.
         *
         *     Permission: `get:movies`.
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Imports, newest first
         * @description Finds an import still running (`state=running`) to follow its progress from any instance. Imports that ended longer ago than IMPORT_JOB_RETENTION (30 days by default) are pruned.
         *
         *     Permission: `import:movies`.
         */
        get: operations["listImports"];
        put?: never;
        /**
         * Import movies from a JSON, NDJSON or CSV file
         * @description One file — multipart field `file`, or the raw body — as a JSON array, NDJSON or CSV, told apart by
         *     Content-Type or file name. Parsed as a stream. `mode=atomic` (default): every row valid and stored, or
         *     nothing stored and a 422 carrying the report; `mode=partial`: valid rows stored, the others reported;
         *     `dry_run=true`: counts only. A row whose title + director + release date (ignoring case) exists
         *     updates that movie; an identical row counts as unchanged. 200 answers the finished import
         *     (`import.report`: received, inserted, updated, unchanged, failed, errors[] capped at 100) with
         *     `Location: /movies/import/{id}`. With `Prefer: respond-async` the answer is a 202 as soon as the import exists (its
         *     job, state running, and the same Location), and the upload is still read in this request: follow the job with
         *     GET /movies/import/{id}?wait=30. The upload is not cut by REQUEST_TIMEOUT_MS: it may take as long as bytes
         *     keep arriving; no byte for IMPORT_IDLE_TIMEOUT_MS (30 s): 408 `IMPORT_STALLED`. Over IMPORT_MAX_BYTES (as
         *     soon as it is passed, or at once for a larger Content-Length) or IMPORT_MAX_ROWS: 413; unknown format or
         *     bytes that are not UTF-8 text: 415; broken JSON/NDJSON/CSV: 400 naming line and column; no file, a
         *     second file or another part: 400. Nothing is stored in any of these cases. An import still running when
         *     the service shuts down gets SHUTDOWN_TIMEOUT_MS less 3 s to finish, then rolls back and answers 503
         *     `IMPORT_INTERRUPTED` with Retry-After: send it again.
         *
         *     Permission: `import:movies`.
         */
        post: operations["importMovies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import movies (catalog-API alias of POST /movies/import)
         * @description One file — multipart field `file`, or the raw body — as a JSON array, NDJSON or CSV, told apart by
         *     Content-Type or file name. Parsed as a stream. `mode=atomic` (default): every row valid and stored, or
         *     nothing stored and a 422 carrying the report; `mode=partial`: valid rows stored, the others reported;
         *     `dry_run=true`: counts only. A row whose title + director + release date (ignoring case) exists
         *     updates that movie; an identical row counts as unchanged. 200 answers the finished import
         *     (`import.report`: received, inserted, updated, unchanged, failed, errors[] capped at 100) with
         *     `Location: /movies/import/{id}`. With `Prefer: respond-async` the answer is a 202 as soon as the import exists (its
         *     job, state running, and the same Location), and the upload is still read in this request: follow the job with
         *     GET /movies/import/{id}?wait=30. The upload is not cut by REQUEST_TIMEOUT_MS: it may take as long as bytes
         *     keep arriving; no byte for IMPORT_IDLE_TIMEOUT_MS (30 s): 408 `IMPORT_STALLED`. Over IMPORT_MAX_BYTES (as
         *     soon as it is passed, or at once for a larger Content-Length) or IMPORT_MAX_ROWS: 413; unknown format or
         *     bytes that are not UTF-8 text: 415; broken JSON/NDJSON/CSV: 400 naming line and column; no file, a
         *     second file or another part: 400. Nothing is stored in any of these cases. An import still running when
         *     the service shuts down gets SHUTDOWN_TIMEOUT_MS less 3 s to finish, then rolls back and answers 503
         *     `IMPORT_INTERRUPTED` with Retry-After: send it again.
         *
         *     Permission: `import:movies`.
         */
        post: operations["importMoviesCatalogApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies/import/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * State, counts and report of an import
         * @description `?wait=N` (up to 30 s) long-polls: while the import runs, the answer waits until it ends or N seconds are up. 404 for an unknown id, and for an import that ended longer ago than IMPORT_JOB_RETENTION (30 days by default): old ones are pruned.
         *
         *     Permission: `import:movies`.
         */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/movies/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export movies as NDJSON or CSV
         * @description Takes the filters of GET /movies (no paging or sort: the whole match, in id order).
         *
         *     Permission: `get:movies`.
         */
        get: operations["exportMovies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/add_movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a movie (catalog API)
         * @description Permission: `post:movies`.
         */
        post: operations["addMoviesCatalogApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update_movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a movie (catalog API)
         * @description Permission: `patch:movies`.
         */
        post: operations["updateMoviesCatalogApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search_movies_id/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A movie by id (catalog API)
         * @description Permission: `get:movies`.
         */
        post: operations["getMovieCatalogApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search_movies_id": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Movies, paged (catalog API)
         * @description Permission: `get:movies`.
         */
        post: operations["listMoviesCatalogApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up (as a casting assistant)
         * @description Answers 403 REGISTRATION_CLOSED when REGISTRATION=closed; 429 with Retry-After when a client signs up too often.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in: username and password → access and refresh token
         * @description An unknown user, a wrong password and a deactivated account all answer the same 401.
         *     Failed logins are counted per client, per username and client, and per username. A client that failed too
         *     often (for any usernames, or for this one) gets 429 with Retry-After. While a username is under attack from
         *     many clients, those that failed for it get 429 and others are only slowed down, so the owner still logs in.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in (alias of POST /auth)
         * @description An unknown user, a wrong password and a deactivated account all answer the same 401.
         *     Failed logins are counted per client, per username and client, and per username. A client that failed too
         *     often (for any usernames, or for this one) gets 429 with Retry-After. While a username is under attack from
         *     many clients, those that failed for it get 429 and others are only slowed down, so the owner still logs in.
         */
        post: operations["loginAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a refresh token
         * @description Trades a refresh token for a new pair. Each refresh token is good once (rotation).
         *     Presenting a spent one — a replay, or losing a race against another use of the same token — revokes
         *     the whole session (its refresh tokens and its access tokens), because the server cannot tell the thief
         *     from the owner. So of several simultaneous refreshes of one token exactly one answers 200, and the
         *     pair it returns stops working as soon as a loser arrives: clients must refresh one at a time. A refresh
         *     rotates the token but does not extend the session: every refresh token of it expires REFRESH_TOKEN_TTL after login.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session: its refresh and access tokens stop working
         * @description A token of the external issuer (AUTH_ISSUER) has no session here: this service cannot end it, and it
         *     stays good until it expires. Such a logout answers 409 EXTERNAL_SESSION and revokes nothing; log out at the issuer.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password; your other sessions end, this one continues
         * @description 403 WRONG_PASSWORD when current_password is wrong (the token stays good); 422 when new_password breaks the
         *     policy; 409 EXTERNAL_SESSION for a token of the external issuer (change the password there). Wrong current passwords
         *     are counted like failed logins (per client, per account and client, per account), so a stolen token cannot be used to
         *     guess the password: too many answer 429 with Retry-After.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is this token good? */
        get: operations["verifyToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, with role and permissions */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description Permission: `get:users`.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One account
         * @description Permission: `get:users`.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Deactivate an account (the row stays) and revoke all its sessions
         * @description Permission: `manage:users`.
         */
        delete: operations["deactivateUser"];
        options?: never;
        head?: never;
        /**
         * Change name, username, role, active flag or password
         * @description Takes effect on the user’s next request. The last active admin cannot be demoted or deactivated (409 LAST_ADMIN). A new password (a reset) ends all the user’s sessions.
         *
         *     Permission: `manage:users`.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/update_user/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Catalog-API alias of PATCH /users/:id
         * @description `email` is stored as the username (usernames accept e-mail addresses).
         *
         *     Permission: `manage:users`.
         */
        post: operations["updateUserCatalogApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "status": "live"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        status: string;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "status": "ready"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        status: string;
                    };
                };
            };
            /** @description the error envelope every failure answers with */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listMovies: {
        parameters: {
            query?: {
                /** @description page number, from 1 (default); page × limit at most 10,000 (deeper: cursor) */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: title, release_date, imdb_score, popularity, director, created_at, id */
                sort?: string;
                /** @description search the title and the director: case and accents ignored, word prefixes (`godf`), a typo or two once the query has five letters (`godfater`); one or two characters match the starts of words. Without `sort`, best match first (exact title (a leading article aside), starting with the query as words, starting with it, whole word, word start, inside a word, typo), ties by popularity, then id */
                q?: string;
                /** @description exact, ignoring case */
                director?: string;
                /** @description `a,b`: movies with every one of these genres; `a|b`: with at least one (not both forms at once) */
                genre?: string;
                /** @description imdb_score at least */
                "imdb_score.gte"?: number;
                /** @description imdb_score at most */
                "imdb_score.lte"?: number;
                /** @description popularity at least */
                "popularity.gte"?: number;
                /** @description popularity at most */
                "popularity.lte"?: number;
                /** @description release_date at least */
                "release_date.gte"?: string;
                /** @description release_date at most */
                "release_date.lte"?: string;
                /** @description only movies this actor is cast in */
                actor?: number;
                /** @description where to go on from: the next_cursor of the previous page, with the same sort (not together with page) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List movies */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movies": [
                     *         {
                     *           "id": 42,
                     *           "title": "Heat",
                     *           "release_date": "1995-12-15",
                     *           "director": "Michael Mann",
                     *           "genres": [
                     *             "Crime",
                     *             "Drama"
                     *           ],
                     *           "popularity": 81,
                     *           "imdb_score": 8.3,
                     *           "shoot_start": null,
                     *           "shoot_end": null,
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movies: {
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                        /** @description absent when the page was asked by cursor */
                        page?: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    createMovie: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Heat",
                 *       "release_date": "1995-12-15",
                 *       "director": "Michael Mann",
                 *       "genres": [
                 *         "Crime",
                 *         "Drama"
                 *       ],
                 *       "imdb_score": 8.3
                 *     }
                 */
                "application/json": {
                    /** @description 1–200 characters (422 otherwise) */
                    title: string;
                    release_date?: string | null;
                    director?: string | null;
                    /** @description trimmed and de-duplicated ignoring case */
                    genres?: string[];
                    popularity?: number | null;
                    imdb_score?: number | null;
                    shoot_start?: string | null;
                    shoot_end?: string | null;
                };
            };
        };
        responses: {
            /** @description Create a movie: created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie": {
                     *         "id": 42,
                     *         "title": "Heat",
                     *         "release_date": "1995-12-15",
                     *         "director": "Michael Mann",
                     *         "genres": [
                     *           "Crime",
                     *           "Drama"
                     *         ],
                     *         "popularity": 81,
                     *         "imdb_score": 8.3,
                     *         "shoot_start": null,
                     *         "shoot_end": null,
                     *         "created_at": "2026-01-15T10:00:00.000Z",
                     *         "updated_at": "2026-01-15T10:00:00.000Z",
                     *         "version": 1
                     *       },
                     *       "movies": [
                     *         {
                     *           "id": 42,
                     *           "title": "Heat",
                     *           "release_date": "1995-12-15",
                     *           "director": "Michael Mann",
                     *           "genres": [
                     *             "Crime",
                     *             "Drama"
                     *           ],
                     *           "popularity": 81,
                     *           "imdb_score": 8.3,
                     *           "shoot_start": null,
                     *           "shoot_end": null,
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie: {
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                        /** @description the same movie, for Casting Agency clients */
                        movies: {
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getMovie: {
        parameters: {
            query?: never;
            header?: {
                /** @description an ETag this client holds: 304 with no body while it still matches */
                "If-None-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A movie with its cast */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie": {
                     *         "id": 42,
                     *         "title": "Heat",
                     *         "release_date": "1995-12-15",
                     *         "director": "Michael Mann",
                     *         "genres": [
                     *           "Crime",
                     *           "Drama"
                     *         ],
                     *         "popularity": 81,
                     *         "imdb_score": 8.3,
                     *         "shoot_start": null,
                     *         "shoot_end": null,
                     *         "created_at": "2026-01-15T10:00:00.000Z",
                     *         "updated_at": "2026-01-15T10:00:00.000Z",
                     *         "version": 1,
                     *         "cast": [
                     *           {
                     *             "id": 7,
                     *             "name": "Al Pacino",
                     *             "age": 84,
                     *             "gender": "male",
                     *             "character": "Vincent Hanna",
                     *             "billing_order": 1
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie: {
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                            cast: {
                                /** @description the actor id */
                                id: number;
                                name: string;
                                age: number;
                                gender: string;
                                character: string | null;
                                billing_order: number | null;
                            }[];
                        };
                    };
                };
            };
            /** @description not modified (If-None-Match matched); no body */
            304: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    deleteMovie: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a movie and its castings */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "deleted": 42
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        deleted: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    updateMovie: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        /** @description any non-empty subset of the movie fields */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "imdb_score": 8.4
                 *     }
                 */
                "application/json": {
                    /** @description 1–200 characters (422 otherwise) */
                    title?: string;
                    release_date?: string | null;
                    director?: string | null;
                    /** @description trimmed and de-duplicated ignoring case */
                    genres?: string[];
                    popularity?: number | null;
                    imdb_score?: number | null;
                    shoot_start?: string | null;
                    shoot_end?: string | null;
                };
            };
        };
        responses: {
            /** @description Change a movie */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie": {
                     *         "id": 42,
                     *         "title": "Heat",
                     *         "release_date": "1995-12-15",
                     *         "director": "Michael Mann",
                     *         "genres": [
                     *           "Crime",
                     *           "Drama"
                     *         ],
                     *         "popularity": 81,
                     *         "imdb_score": 8.4,
                     *         "shoot_start": null,
                     *         "shoot_end": null,
                     *         "created_at": "2026-01-15T10:00:00.000Z",
                     *         "updated_at": "2026-01-15T10:00:00.000Z",
                     *         "version": 2
                     *       },
                     *       "movies": [
                     *         {
                     *           "id": 42,
                     *           "title": "Heat",
                     *           "release_date": "1995-12-15",
                     *           "director": "Michael Mann",
                     *           "genres": [
                     *             "Crime",
                     *             "Drama"
                     *           ],
                     *           "popularity": 81,
                     *           "imdb_score": 8.4,
                     *           "shoot_start": null,
                     *           "shoot_end": null,
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie: {
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                        /** @description the same movie, for Casting Agency clients */
                        movies: {
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listActors: {
        parameters: {
            query?: {
                /** @description page number, from 1 (default); page × limit at most 10,000 (deeper: cursor) */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: name, age, gender, created_at, id */
                sort?: string;
                /** @description search the name: case and accents ignored, word prefixes (`godf`), a typo or two once the query has five letters (`godfater`); one or two characters match the starts of words. Without `sort`, best match first (exact name, starting with the query as words, starting with it, whole word, word start, inside a word, typo), ties by id */
                q?: string;
                /** @description exact, ignoring case */
                gender?: string;
                /** @description age at least */
                "age.gte"?: number;
                /** @description age at most */
                "age.lte"?: number;
                /** @description only actors cast in this movie */
                movie?: number;
                /** @description where to go on from: the next_cursor of the previous page, with the same sort (not together with page) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List actors */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "actors": [
                     *         {
                     *           "id": 7,
                     *           "name": "Al Pacino",
                     *           "age": 84,
                     *           "gender": "male",
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        actors: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                        /** @description absent when the page was asked by cursor */
                        page?: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    createActor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Al Pacino",
                 *       "age": 84,
                 *       "gender": "male"
                 *     }
                 */
                "application/json": {
                    /** @description 1–200 characters (422 otherwise) */
                    name: string;
                    /** @description 0–150 (422 otherwise) */
                    age: number;
                    /** @description 1–32 characters (422 otherwise) */
                    gender: string;
                };
            };
        };
        responses: {
            /** @description Create an actor: created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "actor": {
                     *         "id": 7,
                     *         "name": "Al Pacino",
                     *         "age": 84,
                     *         "gender": "male",
                     *         "created_at": "2026-01-15T10:00:00.000Z",
                     *         "updated_at": "2026-01-15T10:00:00.000Z",
                     *         "version": 1
                     *       },
                     *       "actors": [
                     *         {
                     *           "id": 7,
                     *           "name": "Al Pacino",
                     *           "age": 84,
                     *           "gender": "male",
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        actor: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                        /** @description the same actor, for Casting Agency clients */
                        actors: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getActor: {
        parameters: {
            query?: never;
            header?: {
                /** @description an ETag this client holds: 304 with no body while it still matches */
                "If-None-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An actor with their movies */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "actor": {
                     *         "id": 7,
                     *         "name": "Al Pacino",
                     *         "age": 84,
                     *         "gender": "male",
                     *         "created_at": "2026-01-15T10:00:00.000Z",
                     *         "updated_at": "2026-01-15T10:00:00.000Z",
                     *         "version": 1,
                     *         "movies": [
                     *           {
                     *             "id": 42,
                     *             "title": "Heat",
                     *             "release_date": "1995-12-15",
                     *             "director": "Michael Mann",
                     *             "genres": [
                     *               "Crime",
                     *               "Drama"
                     *             ],
                     *             "popularity": 81,
                     *             "imdb_score": 8.3,
                     *             "shoot_start": null,
                     *             "shoot_end": null,
                     *             "created_at": "2026-01-15T10:00:00.000Z",
                     *             "updated_at": "2026-01-15T10:00:00.000Z",
                     *             "version": 1,
                     *             "character": "Vincent Hanna",
                     *             "billing_order": 1
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        actor: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                            movies: {
                                id: number;
                                title: string;
                                release_date: string | null;
                                director: string | null;
                                genres: string[];
                                popularity: number | null;
                                imdb_score: number | null;
                                shoot_start: string | null;
                                shoot_end: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description grows by one on every change; the ETag is made from it */
                                version: number;
                                character: string | null;
                                billing_order: number | null;
                            }[];
                        };
                    };
                };
            };
            /** @description not modified (If-None-Match matched); no body */
            304: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    deleteActor: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete an actor and their castings */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "deleted": 7
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        deleted: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    updateActor: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        /** @description any non-empty subset of name, age, gender */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "age": 85
                 *     }
                 */
                "application/json": {
                    /** @description 1–200 characters (422 otherwise) */
                    name?: string;
                    /** @description 0–150 (422 otherwise) */
                    age?: number;
                    /** @description 1–32 characters (422 otherwise) */
                    gender?: string;
                };
            };
        };
        responses: {
            /** @description Change an actor */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "actor": {
                     *         "id": 7,
                     *         "name": "Al Pacino",
                     *         "age": 85,
                     *         "gender": "male",
                     *         "created_at": "2026-01-15T10:00:00.000Z",
                     *         "updated_at": "2026-01-15T10:00:00.000Z",
                     *         "version": 2
                     *       },
                     *       "actors": [
                     *         {
                     *           "id": 7,
                     *           "name": "Al Pacino",
                     *           "age": 85,
                     *           "gender": "male",
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        actor: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                        /** @description the same actor, for Casting Agency clients */
                        actors: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listCast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cast of a movie, in billing order */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie_id": 42,
                     *       "actors": [
                     *         {
                     *           "id": 7,
                     *           "name": "Al Pacino",
                     *           "age": 84,
                     *           "gender": "male",
                     *           "character": "Vincent Hanna",
                     *           "billing_order": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie_id: number;
                        /** @description in billing order, unbilled last, then by actor id */
                        actors: {
                            /** @description the actor id */
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            character: string | null;
                            billing_order: number | null;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    castActor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "actor_id": 7,
                 *       "character": "Vincent Hanna",
                 *       "billing_order": 1
                 *     }
                 */
                "application/json": {
                    /** @description the actor to cast */
                    actor_id: number;
                    character?: string | null;
                    billing_order?: number | null;
                };
            };
        };
        responses: {
            /** @description Cast an actor in a movie: created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "casting": {
                     *         "movie_id": 42,
                     *         "actor_id": 7,
                     *         "character": "Vincent Hanna",
                     *         "billing_order": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        casting: {
                            movie_id: number;
                            actor_id: number;
                            character: string | null;
                            billing_order: number | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    uncastActor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the movie id */
                id: number;
                /** @description the actor id */
                actor_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Remove an actor from the cast */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "deleted": 7,
                     *       "movie_id": 42
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description the actor id removed from the cast */
                        deleted: number;
                        movie_id: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listMovieRoles: {
        parameters: {
            query?: {
                /** @description page number, from 1 */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: name, state, slots, created_at, id */
                sort?: string;
                state?: "open" | "filled" | "closed";
            };
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A movie's roles */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "roles": [
                     *         {
                     *           "id": 3,
                     *           "movie_id": 42,
                     *           "name": "Vincent Hanna",
                     *           "description": "LAPD lieutenant, relentless",
                     *           "age_min": 40,
                     *           "age_max": 90,
                     *           "gender": "male",
                     *           "slots": 1,
                     *           "state": "open",
                     *           "created_at": "2026-01-20T09:00:00.000Z",
                     *           "updated_at": "2026-01-20T09:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        roles: {
                            id: number;
                            movie_id: number;
                            /** @description the character */
                            name: string;
                            description: string | null;
                            age_min: number | null;
                            age_max: number | null;
                            gender: string | null;
                            slots: number;
                            /** @enum {unknown} */
                            state: "open" | "filled" | "closed";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                        page: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Vincent Hanna",
                 *       "description": "LAPD lieutenant, relentless",
                 *       "age_min": 40,
                 *       "age_max": 90,
                 *       "gender": "male",
                 *       "slots": 1
                 *     }
                 */
                "application/json": {
                    /** @description the character, 1–200 characters (422 otherwise) */
                    name: string;
                    description?: string | null;
                    age_min?: number | null;
                    age_max?: number | null;
                    gender?: string | null;
                    /** @description 1–100 actors to book (default 1) */
                    slots?: number;
                };
            };
        };
        responses: {
            /** @description Describe a role (a part) in a movie: created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "role": {
                     *         "id": 3,
                     *         "movie_id": 42,
                     *         "name": "Vincent Hanna",
                     *         "description": "LAPD lieutenant, relentless",
                     *         "age_min": 40,
                     *         "age_max": 90,
                     *         "gender": "male",
                     *         "slots": 1,
                     *         "state": "open",
                     *         "created_at": "2026-01-20T09:00:00.000Z",
                     *         "updated_at": "2026-01-20T09:00:00.000Z",
                     *         "version": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        role: {
                            id: number;
                            movie_id: number;
                            /** @description the character */
                            name: string;
                            description: string | null;
                            age_min: number | null;
                            age_max: number | null;
                            gender: string | null;
                            slots: number;
                            /** @enum {unknown} */
                            state: "open" | "filled" | "closed";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description an ETag this client holds: 304 with no body while it still matches */
                "If-None-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A role */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "role": {
                     *         "id": 3,
                     *         "movie_id": 42,
                     *         "name": "Vincent Hanna",
                     *         "description": "LAPD lieutenant, relentless",
                     *         "age_min": 40,
                     *         "age_max": 90,
                     *         "gender": "male",
                     *         "slots": 1,
                     *         "state": "open",
                     *         "created_at": "2026-01-20T09:00:00.000Z",
                     *         "updated_at": "2026-01-20T09:00:00.000Z",
                     *         "version": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        role: {
                            id: number;
                            movie_id: number;
                            /** @description the character */
                            name: string;
                            description: string | null;
                            age_min: number | null;
                            age_max: number | null;
                            gender: string | null;
                            slots: number;
                            /** @enum {unknown} */
                            state: "open" | "filled" | "closed";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description not modified (If-None-Match matched); no body */
            304: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a role and its auditions (castings already made stay) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "deleted": 3
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        deleted: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        /** @description any non-empty subset; slots never below the auditions offered or accepted */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "state": "closed"
                 *     }
                 */
                "application/json": {
                    /** @description the character, 1–200 characters (422 otherwise) */
                    name?: string;
                    description?: string | null;
                    age_min?: number | null;
                    age_max?: number | null;
                    gender?: string | null;
                    /** @description 1–100 actors to book (default 1) */
                    slots?: number;
                    /** @description close the role, or reopen it (it is filled again at once if its accepted parts reach its slots) */
                    state?: "open" | "closed";
                };
            };
        };
        responses: {
            /** @description Change, close or reopen a role */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "role": {
                     *         "id": 3,
                     *         "movie_id": 42,
                     *         "name": "Vincent Hanna",
                     *         "description": "LAPD lieutenant, relentless",
                     *         "age_min": 40,
                     *         "age_max": 90,
                     *         "gender": "male",
                     *         "slots": 1,
                     *         "state": "closed",
                     *         "created_at": "2026-01-20T09:00:00.000Z",
                     *         "updated_at": "2026-01-20T09:00:00.000Z",
                     *         "version": 2
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        role: {
                            id: number;
                            movie_id: number;
                            /** @description the character */
                            name: string;
                            description: string | null;
                            age_min: number | null;
                            age_max: number | null;
                            gender: string | null;
                            slots: number;
                            /** @enum {unknown} */
                            state: "open" | "filled" | "closed";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listRoleCandidates: {
        parameters: {
            query?: {
                /** @description page number, from 1 */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: name, age, gender, created_at, id */
                sort?: string;
                /** @description search the name: case and accents ignored, word prefixes (`godf`), a typo or two once the query has five letters (`godfater`); one or two characters match the starts of words. Without `sort`, best match first (exact name, starting with the query as words, starting with it, whole word, word start, inside a word, typo), ties by id */
                q?: string;
            };
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Actors worth inviting */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "actors": [
                     *         {
                     *           "id": 7,
                     *           "name": "Al Pacino",
                     *           "age": 84,
                     *           "gender": "male",
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        actors: {
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                        page: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listRoleAuditions: {
        parameters: {
            query?: {
                /** @description page number, from 1 */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: state, scheduled_at, created_at, updated_at, id */
                sort?: string;
                state?: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
            };
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A role's auditions with their history */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "auditions": [
                     *         {
                     *           "id": 11,
                     *           "role_id": 3,
                     *           "actor_id": 7,
                     *           "state": "invited",
                     *           "scheduled_at": "2026-03-02T10:00:00.000Z",
                     *           "history": [
                     *             {
                     *               "from": null,
                     *               "to": "invited",
                     *               "by": "1",
                     *               "at": "2026-01-20T09:00:00.000Z",
                     *               "note": null
                     *             }
                     *           ],
                     *           "created_at": "2026-01-20T09:00:00.000Z",
                     *           "updated_at": "2026-01-20T09:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        auditions: {
                            id: number;
                            role_id: number;
                            actor_id: number;
                            /** @enum {unknown} */
                            state: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                            scheduled_at: string | null;
                            /** @description every change, oldest first */
                            history: {
                                from: ("invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn") | null;
                                /** @enum {unknown} */
                                to: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                                /** @description who made the change: a user id, or the subject of an external token */
                                by: string;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                        page: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    inviteToAudition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "actor_id": 7,
                 *       "scheduled_at": "2026-03-02T10:00:00.000Z"
                 *     }
                 */
                "application/json": {
                    /** @description the actor to invite */
                    actor_id: number;
                    scheduled_at?: string | null;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description Invite an actor to audition: created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "audition": {
                     *         "id": 11,
                     *         "role_id": 3,
                     *         "actor_id": 7,
                     *         "state": "invited",
                     *         "scheduled_at": "2026-03-02T10:00:00.000Z",
                     *         "history": [
                     *           {
                     *             "from": null,
                     *             "to": "invited",
                     *             "by": "1",
                     *             "at": "2026-01-20T09:00:00.000Z",
                     *             "note": null
                     *           }
                     *         ],
                     *         "created_at": "2026-01-20T09:00:00.000Z",
                     *         "updated_at": "2026-01-20T09:00:00.000Z",
                     *         "version": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        audition: {
                            id: number;
                            role_id: number;
                            actor_id: number;
                            /** @enum {unknown} */
                            state: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                            scheduled_at: string | null;
                            /** @description every change, oldest first */
                            history: {
                                from: ("invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn") | null;
                                /** @enum {unknown} */
                                to: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                                /** @description who made the change: a user id, or the subject of an external token */
                                by: string;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getAudition: {
        parameters: {
            query?: never;
            header?: {
                /** @description an ETag this client holds: 304 with no body while it still matches */
                "If-None-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An audition with its history */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "audition": {
                     *         "id": 11,
                     *         "role_id": 3,
                     *         "actor_id": 7,
                     *         "state": "auditioned",
                     *         "scheduled_at": "2026-03-02T10:00:00.000Z",
                     *         "history": [
                     *           {
                     *             "from": null,
                     *             "to": "invited",
                     *             "by": "1",
                     *             "at": "2026-01-20T09:00:00.000Z",
                     *             "note": null
                     *           },
                     *           {
                     *             "from": "invited",
                     *             "to": "auditioned",
                     *             "by": "1",
                     *             "at": "2026-03-02T11:00:00.000Z",
                     *             "note": "strong read"
                     *           }
                     *         ],
                     *         "created_at": "2026-01-20T09:00:00.000Z",
                     *         "updated_at": "2026-03-02T11:00:00.000Z",
                     *         "version": 2
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        audition: {
                            id: number;
                            role_id: number;
                            actor_id: number;
                            /** @enum {unknown} */
                            state: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                            scheduled_at: string | null;
                            /** @description every change, oldest first */
                            history: {
                                from: ("invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn") | null;
                                /** @enum {unknown} */
                                to: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                                /** @description who made the change: a user id, or the subject of an external token */
                                by: string;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description not modified (If-None-Match matched); no body */
            304: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    moveAudition: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "auditioned",
                 *       "note": "strong read"
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    to: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description Move an audition to another state */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "audition": {
                     *         "id": 11,
                     *         "role_id": 3,
                     *         "actor_id": 7,
                     *         "state": "auditioned",
                     *         "scheduled_at": "2026-03-02T10:00:00.000Z",
                     *         "history": [
                     *           {
                     *             "from": null,
                     *             "to": "invited",
                     *             "by": "1",
                     *             "at": "2026-01-20T09:00:00.000Z",
                     *             "note": null
                     *           },
                     *           {
                     *             "from": "invited",
                     *             "to": "auditioned",
                     *             "by": "1",
                     *             "at": "2026-03-02T11:00:00.000Z",
                     *             "note": "strong read"
                     *           }
                     *         ],
                     *         "created_at": "2026-01-20T09:00:00.000Z",
                     *         "updated_at": "2026-03-02T11:00:00.000Z",
                     *         "version": 2
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        audition: {
                            id: number;
                            role_id: number;
                            actor_id: number;
                            /** @enum {unknown} */
                            state: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                            scheduled_at: string | null;
                            /** @description every change, oldest first */
                            history: {
                                from: ("invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn") | null;
                                /** @enum {unknown} */
                                to: "invited" | "auditioned" | "shortlisted" | "offered" | "accepted" | "declined" | "rejected" | "withdrawn";
                                /** @description who made the change: a user id, or the subject of an external token */
                                by: string;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getActorSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An actor's accepted parts with their shoots */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "actor_id": 7,
                     *       "schedule": [
                     *         {
                     *           "audition_id": 11,
                     *           "role_id": 3,
                     *           "role_name": "Vincent Hanna",
                     *           "movie_id": 42,
                     *           "movie_title": "Heat",
                     *           "shoot_start": "2026-05-04",
                     *           "shoot_end": "2026-07-31"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        actor_id: number;
                        schedule: {
                            audition_id: number;
                            role_id: number;
                            role_name: string;
                            movie_id: number;
                            movie_title: string;
                            shoot_start: string | null;
                            shoot_end: string | null;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listGenres: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Genre names with movie counts */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "genres": [
                     *         {
                     *           "name": "Crime",
                     *           "movies": 1204
                     *         },
                     *         {
                     *           "name": "Drama",
                     *           "movies": 3310
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description most frequent first */
                        genres: {
                            name: string;
                            /** @description how many movies have it */
                            movies: number;
                        }[];
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                /** @description what to look for: movie titles and directors, actor names; case and accents ignored, word prefixes, a typo or two in words of five letters or more */
                q: string;
                /** @description page number, from 1 (default); page × limit at most 1000 (deeper: cursor) */
                page?: number;
                /** @description results per page, at most 100 */
                limit?: number;
                /** @description where to go on from: the next_cursor of the previous page, with the same q (not together with page) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Search movies and actors */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "results": [
                     *         {
                     *           "kind": "movie",
                     *           "id": 42,
                     *           "title": "Heat",
                     *           "release_date": "1995-12-15",
                     *           "director": "Michael Mann",
                     *           "genres": [
                     *             "Crime",
                     *             "Drama"
                     *           ],
                     *           "popularity": 81,
                     *           "imdb_score": 8.3,
                     *           "shoot_start": null,
                     *           "shoot_end": null,
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         },
                     *         {
                     *           "kind": "actor",
                     *           "id": 7,
                     *           "name": "Al Pacino",
                     *           "age": 84,
                     *           "gender": "male",
                     *           "created_at": "2026-01-15T10:00:00.000Z",
                     *           "updated_at": "2026-01-15T10:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 2,
                     *       "total_pages": 1,
                     *       "total_capped": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description best first: exact title or name (a leading article aside), starting with the query as words, starting with it, whole word, word start, inside a word, typo; a movie before an actor of the same rank */
                        results: ({
                            /** @enum {string} */
                            kind: "movie";
                            id: number;
                            title: string;
                            release_date: string | null;
                            director: string | null;
                            genres: string[];
                            popularity: number | null;
                            imdb_score: number | null;
                            shoot_start: string | null;
                            shoot_end: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        } | {
                            /** @enum {string} */
                            kind: "actor";
                            id: number;
                            name: string;
                            age: number;
                            gender: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        })[];
                        /** @description absent when the page was asked by cursor */
                        page?: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                /** @description page number, from 1 */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description a running import whose progress stopped (its server died) is shown as failed */
                state?: "running" | "succeeded" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Imports, newest first */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "imports": [
                     *         {
                     *           "id": 17,
                     *           "state": "succeeded",
                     *           "mode": "atomic",
                     *           "dry_run": false,
                     *           "report": {
                     *             "received": 2,
                     *             "inserted": 1,
                     *             "updated": 1,
                     *             "unchanged": 0,
                     *             "failed": 0,
                     *             "errors": []
                     *           },
                     *           "progress": {
                     *             "bytes_read": 214,
                     *             "bytes_total": 214,
                     *             "rows_stored": 2,
                     *             "rows_per_second": 2,
                     *             "estimated_seconds_left": null
                     *           },
                     *           "failure": null,
                     *           "started_at": "2026-02-03T14:00:00.000Z",
                     *           "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *           "finished_at": "2026-02-03T14:00:01.200Z"
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        imports: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        }[];
                        page: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    importMovies: {
        parameters: {
            query?: {
                /** @description atomic: every row valid and stored, or nothing stored (422); partial: valid rows stored, the others reported */
                mode?: "atomic" | "partial";
                /** @description true: validate and count, store nothing */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "file": "movies.ndjson"
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description the file; its Content-Type or name (.json, .ndjson, .jsonl, .csv) tells the format
                     */
                    file: string;
                };
                /**
                 * @example [
                 *       {
                 *         "title": "Thief",
                 *         "director": "Michael Mann",
                 *         "release_date": "1981-03-27",
                 *         "genres": [
                 *           "Crime"
                 *         ],
                 *         "imdb_score": 7.3
                 *       },
                 *       {
                 *         "name": "Heat",
                 *         "director": "Michael Mann",
                 *         "genre": [
                 *           "Crime",
                 *           "Drama"
                 *         ],
                 *         "99popularity": 81,
                 *         "imdb_score": 8.3
                 *       }
                 *     ]
                 */
                "application/json": {
                    [key: string]: unknown;
                }[];
                /**
                 * @example {"title":"Thief","director":"Michael Mann","release_date":"1981-03-27","genres":["Crime"],"imdb_score":7.3}
                 *     {"name":"Heat","director":"Michael Mann","genre":["Crime","Drama"],"99popularity":81,"imdb_score":8.3}
                 */
                "application/x-ndjson": string;
                /**
                 * @example title,director,release_date,genres,imdb_score
                 *     Thief,Michael Mann,1981-03-27,Crime,7.3
                 *     Heat,Michael Mann,1995-12-15,Crime|Drama,8.3
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description Import movies from a JSON, NDJSON or CSV file */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "import": {
                     *         "id": 17,
                     *         "state": "succeeded",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 2,
                     *           "inserted": 1,
                     *           "updated": 1,
                     *           "unchanged": 0,
                     *           "failed": 0,
                     *           "errors": []
                     *         },
                     *         "progress": {
                     *           "bytes_read": 214,
                     *           "bytes_total": 214,
                     *           "rows_stored": 2,
                     *           "rows_per_second": 2,
                     *           "estimated_seconds_left": null
                     *         },
                     *         "failure": null,
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": "2026-02-03T14:00:01.200Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description Prefer: respond-async: the import exists and runs (state running); the upload is still read in this request. Location names the job: poll it, or GET it with ?wait=30 to be answered when it ends. Preference-Applied: respond-async. */
            202: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "import": {
                     *         "id": 17,
                     *         "state": "running",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 250000,
                     *           "inserted": 250000,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "failed": 0,
                     *           "errors": []
                     *         },
                     *         "progress": {
                     *           "bytes_read": 52428800,
                     *           "bytes_total": 104857600,
                     *           "rows_stored": 250000,
                     *           "rows_per_second": 41000,
                     *           "estimated_seconds_left": 6
                     *         },
                     *         "failure": null,
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": null
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description the request, or an import upload that stopped sending, did not arrive in time; nothing was changed */
            408: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 408,
                     *       "message": "the request did not arrive in time",
                     *       "code": "REQUEST_TIMEOUT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description atomic import with invalid rows: nothing was stored; `import.report` says which rows and why */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "1 of 2 rows are invalid; nothing was stored",
                     *       "code": "IMPORT_REJECTED",
                     *       "details": [
                     *         {
                     *           "path": "/rows/2/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "import": {
                     *         "id": 17,
                     *         "state": "failed",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 2,
                     *           "inserted": 1,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "failed": 1,
                     *           "errors": [
                     *             {
                     *               "row": 2,
                     *               "path": "/imdb_score",
                     *               "message": "imdb_score must be between 0 and 10"
                     *             }
                     *           ]
                     *         },
                     *         "progress": {
                     *           "bytes_read": 214,
                     *           "bytes_total": 214,
                     *           "rows_stored": 2,
                     *           "rows_per_second": 2,
                     *           "estimated_seconds_left": null
                     *         },
                     *         "failure": {
                     *           "code": "IMPORT_REJECTED",
                     *           "message": "1 of 2 rows are invalid; nothing was stored"
                     *         },
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": "2026-02-03T14:00:01.200Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    importMoviesCatalogApi: {
        parameters: {
            query?: {
                /** @description atomic: every row valid and stored, or nothing stored (422); partial: valid rows stored, the others reported */
                mode?: "atomic" | "partial";
                /** @description true: validate and count, store nothing */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "file": "movies.ndjson"
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description the file; its Content-Type or name (.json, .ndjson, .jsonl, .csv) tells the format
                     */
                    file: string;
                };
                /**
                 * @example [
                 *       {
                 *         "title": "Thief",
                 *         "director": "Michael Mann",
                 *         "release_date": "1981-03-27",
                 *         "genres": [
                 *           "Crime"
                 *         ],
                 *         "imdb_score": 7.3
                 *       },
                 *       {
                 *         "name": "Heat",
                 *         "director": "Michael Mann",
                 *         "genre": [
                 *           "Crime",
                 *           "Drama"
                 *         ],
                 *         "99popularity": 81,
                 *         "imdb_score": 8.3
                 *       }
                 *     ]
                 */
                "application/json": {
                    [key: string]: unknown;
                }[];
                /**
                 * @example {"title":"Thief","director":"Michael Mann","release_date":"1981-03-27","genres":["Crime"],"imdb_score":7.3}
                 *     {"name":"Heat","director":"Michael Mann","genre":["Crime","Drama"],"99popularity":81,"imdb_score":8.3}
                 */
                "application/x-ndjson": string;
                /**
                 * @example title,director,release_date,genres,imdb_score
                 *     Thief,Michael Mann,1981-03-27,Crime,7.3
                 *     Heat,Michael Mann,1995-12-15,Crime|Drama,8.3
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description Import movies (catalog-API alias of POST /movies/import) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "import": {
                     *         "id": 17,
                     *         "state": "succeeded",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 2,
                     *           "inserted": 1,
                     *           "updated": 1,
                     *           "unchanged": 0,
                     *           "failed": 0,
                     *           "errors": []
                     *         },
                     *         "progress": {
                     *           "bytes_read": 214,
                     *           "bytes_total": 214,
                     *           "rows_stored": 2,
                     *           "rows_per_second": 2,
                     *           "estimated_seconds_left": null
                     *         },
                     *         "failure": null,
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": "2026-02-03T14:00:01.200Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description Prefer: respond-async: the import exists and runs (state running); the upload is still read in this request. Location names the job: poll it, or GET it with ?wait=30 to be answered when it ends. Preference-Applied: respond-async. */
            202: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "import": {
                     *         "id": 17,
                     *         "state": "running",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 250000,
                     *           "inserted": 250000,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "failed": 0,
                     *           "errors": []
                     *         },
                     *         "progress": {
                     *           "bytes_read": 52428800,
                     *           "bytes_total": 104857600,
                     *           "rows_stored": 250000,
                     *           "rows_per_second": 41000,
                     *           "estimated_seconds_left": 6
                     *         },
                     *         "failure": null,
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": null
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description the request, or an import upload that stopped sending, did not arrive in time; nothing was changed */
            408: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 408,
                     *       "message": "the request did not arrive in time",
                     *       "code": "REQUEST_TIMEOUT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description atomic import with invalid rows: nothing was stored; `import.report` says which rows and why */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "1 of 2 rows are invalid; nothing was stored",
                     *       "code": "IMPORT_REJECTED",
                     *       "details": [
                     *         {
                     *           "path": "/rows/2/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "import": {
                     *         "id": 17,
                     *         "state": "failed",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 2,
                     *           "inserted": 1,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "failed": 1,
                     *           "errors": [
                     *             {
                     *               "row": 2,
                     *               "path": "/imdb_score",
                     *               "message": "imdb_score must be between 0 and 10"
                     *             }
                     *           ]
                     *         },
                     *         "progress": {
                     *           "bytes_read": 214,
                     *           "bytes_total": 214,
                     *           "rows_stored": 2,
                     *           "rows_per_second": 2,
                     *           "estimated_seconds_left": null
                     *         },
                     *         "failure": {
                     *           "code": "IMPORT_REJECTED",
                     *           "message": "1 of 2 rows are invalid; nothing was stored"
                     *         },
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": "2026-02-03T14:00:01.200Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: {
                /** @description seconds to wait while the import is running: the answer comes when it ends or the wait is up */
                wait?: number;
            };
            header?: never;
            path: {
                /** @description import id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description State, counts and report of an import */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "import": {
                     *         "id": 17,
                     *         "state": "succeeded",
                     *         "mode": "atomic",
                     *         "dry_run": false,
                     *         "report": {
                     *           "received": 2,
                     *           "inserted": 1,
                     *           "updated": 1,
                     *           "unchanged": 0,
                     *           "failed": 0,
                     *           "errors": []
                     *         },
                     *         "progress": {
                     *           "bytes_read": 214,
                     *           "bytes_total": 214,
                     *           "rows_stored": 2,
                     *           "rows_per_second": 2,
                     *           "estimated_seconds_left": null
                     *         },
                     *         "failure": null,
                     *         "started_at": "2026-02-03T14:00:00.000Z",
                     *         "heartbeat_at": "2026-02-03T14:00:01.200Z",
                     *         "finished_at": "2026-02-03T14:00:01.200Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        import: {
                            id: number;
                            /** @description a running import whose progress stopped (its server died) is shown as failed */
                            state: "running" | "succeeded" | "failed";
                            mode: "atomic" | "partial";
                            dry_run: boolean;
                            /** @description received = inserted + updated + unchanged + failed; a dry run and a rejected atomic import (422) store nothing and count what would have been stored */
                            report: {
                                received: number;
                                inserted: number;
                                updated: number;
                                unchanged: number;
                                /** @description exact number of invalid rows */
                                failed: number;
                                /** @description the first 100 row problems */
                                errors: {
                                    /** @description 1-based record number (CSV: header excluded) */
                                    row: number;
                                    /** @description the field as the file names it, e.g. /imdb_score */
                                    path: string;
                                    message: string;
                                }[];
                            };
                            /** @description the import's progress, as of heartbeat_at: every instance answers the same */
                            progress: {
                                /** @description bytes of the upload read so far */
                                bytes_read: number;
                                bytes_total: number | null;
                                /** @description rows written so far (inserted + updated + unchanged): inside the import's transaction until it commits at the end */
                                rows_stored: number;
                                rows_per_second: number | null;
                                estimated_seconds_left: number | null;
                            };
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            heartbeat_at: string;
                            finished_at: string | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    exportMovies: {
        parameters: {
            query?: {
                /** @description ndjson (one movie per line) or csv (header row, genres joined by |) */
                format?: "ndjson" | "csv";
                /** @description search the title and the director: case and accents ignored, word prefixes (`godf`), a typo or two once the query has five letters (`godfater`); one or two characters match the starts of words. Without `sort`, best match first (exact title (a leading article aside), starting with the query as words, starting with it, whole word, word start, inside a word, typo), ties by popularity, then id */
                q?: string;
                /** @description exact, ignoring case */
                director?: string;
                /** @description `a,b`: movies with every one of these genres; `a|b`: with at least one (not both forms at once) */
                genre?: string;
                /** @description imdb_score at least */
                "imdb_score.gte"?: number;
                /** @description imdb_score at most */
                "imdb_score.lte"?: number;
                /** @description popularity at least */
                "popularity.gte"?: number;
                /** @description popularity at most */
                "popularity.lte"?: number;
                /** @description release_date at least */
                "release_date.gte"?: string;
                /** @description release_date at most */
                "release_date.lte"?: string;
                /** @description only movies this actor is cast in */
                actor?: number;
                /** @description where to go on from: the next_cursor of the previous page, with the same sort (not together with page) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the matching movies as a file, in the format asked for (see the schema) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"id":42,"title":"Heat","release_date":"1995-12-15","director":"Michael Mann","genres":["Crime","Drama"],"popularity":81,"imdb_score":8.3,"shoot_start":null,"shoot_end":null,"created_at":"2026-01-15T10:00:00.000Z","updated_at":"2026-01-15T10:00:00.000Z","version":1} */
                    "application/x-ndjson": string;
                    /**
                     * @example id,title,release_date,director,genres,popularity,imdb_score,shoot_start,shoot_end,created_at,updated_at,version
                     *     42,Heat,1995-12-15,Michael Mann,Crime|Drama,81,8.3,,,2026-01-15T10:00:00.000Z,2026-01-15T10:00:00.000Z,1
                     */
                    "text/csv": string;
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    addMoviesCatalogApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "movie_name": "Heat",
                 *       "director": "Michael Mann",
                 *       "genre": [
                 *         "Crime",
                 *         "Drama"
                 *       ],
                 *       "popularity": 81,
                 *       "imdbScore": 8.3
                 *     }
                 */
                "application/json": {
                    /** @description 1–200 characters (422 otherwise) */
                    movie_name: string;
                    director?: string | null;
                    /** @description genre names; trimmed and de-duplicated ignoring case */
                    genre?: string[];
                    popularity?: number | null;
                    imdbScore?: number | null;
                };
            };
        };
        responses: {
            /** @description Create a movie (catalog API): created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie": {
                     *         "id": 42,
                     *         "movie_name": "Heat",
                     *         "director": "Michael Mann",
                     *         "genre": [
                     *           "Crime",
                     *           "Drama"
                     *         ],
                     *         "popularity": 81,
                     *         "imdbScore": 8.3
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie: {
                            id: number;
                            movie_name: string;
                            director: string | null;
                            genre: string[];
                            popularity: number | null;
                            imdbScore: number | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    updateMoviesCatalogApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the id and any non-empty subset of the other fields */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": 42,
                 *       "imdbScore": 8.4
                 *     }
                 */
                "application/json": {
                    /** @description the movie to change */
                    id: number;
                    /** @description 1–200 characters (422 otherwise) */
                    movie_name?: string;
                    director?: string | null;
                    /** @description genre names; trimmed and de-duplicated ignoring case */
                    genre?: string[];
                    popularity?: number | null;
                    imdbScore?: number | null;
                };
            };
        };
        responses: {
            /** @description Change a movie (catalog API) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie": {
                     *         "id": 42,
                     *         "movie_name": "Heat",
                     *         "director": "Michael Mann",
                     *         "genre": [
                     *           "Crime",
                     *           "Drama"
                     *         ],
                     *         "popularity": 81,
                     *         "imdbScore": 8.4
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie: {
                            id: number;
                            movie_name: string;
                            director: string | null;
                            genre: string[];
                            popularity: number | null;
                            imdbScore: number | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getMovieCatalogApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A movie by id (catalog API) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movie": {
                     *         "id": 42,
                     *         "movie_name": "Heat",
                     *         "director": "Michael Mann",
                     *         "genre": [
                     *           "Crime",
                     *           "Drama"
                     *         ],
                     *         "popularity": 81,
                     *         "imdbScore": 8.3
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movie: {
                            id: number;
                            movie_name: string;
                            director: string | null;
                            genre: string[];
                            popularity: number | null;
                            imdbScore: number | null;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listMoviesCatalogApi: {
        parameters: {
            query?: {
                /** @description page number, from 1 */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: title, release_date, imdb_score, popularity, director, created_at, id */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Movies, paged (catalog API) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "movies": [
                     *         {
                     *           "id": 42,
                     *           "movie_name": "Heat",
                     *           "director": "Michael Mann",
                     *           "genre": [
                     *             "Crime",
                     *             "Drama"
                     *           ],
                     *           "popularity": 81,
                     *           "imdbScore": 8.3
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        movies: {
                            id: number;
                            movie_name: string;
                            director: string | null;
                            genre: string[];
                            popularity: number | null;
                            imdbScore: number | null;
                        }[];
                        page: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a role cannot be chosen: new users are casting assistants */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ann Lee",
                 *       "username": "ann",
                 *       "password": "Change-me-1"
                 *     }
                 */
                "application/json": {
                    /** @description 1–200 characters */
                    name: string;
                    /** @description 3–64 of letters, digits and . _ @ + - ; unique ignoring case */
                    username: string;
                    /** @description 8–128 characters with a digit, a lower- and an upper-case letter (422 otherwise) */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Sign up (as a casting assistant): created, Location names it */
            201: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description where the created resource (or the import) can be read */
                    Location?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "user": {
                     *         "id": 5,
                     *         "name": "Ann Lee",
                     *         "username": "ann",
                     *         "role": "casting_assistant",
                     *         "active": true,
                     *         "created_at": "2026-01-10T08:30:00.000Z",
                     *         "updated_at": "2026-01-10T08:30:00.000Z",
                     *         "version": 1
                     *       },
                     *       "message": "registered; log in at POST /auth"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        user: {
                            id: number;
                            name: string;
                            username: string;
                            /** @description casting_assistant, casting_director, executive_producer or admin */
                            role: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                        message: string;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description too many failed attempts from this client; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 429,
                     *       "message": "too many attempts; try again later",
                     *       "code": "RATE_LIMITED",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ann",
                 *       "password": "Change-me-1"
                 *     }
                 */
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Log in: username and password → access and refresh token */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1Iiwic2lkIjoiOWYxYyJ9.c2lnbmF0dXJl",
                     *       "refresh_token": "q3V1mX9zJ0b7kQ2wT5yR8uN4aE6cL1dH0fG3sP7vZ2o",
                     *       "token_type": "Bearer",
                     *       "expires_in": 900
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description HS256 JWT; send as Authorization: Bearer <token> */
                        access_token: string;
                        /** @description opaque; good for one POST /auth/refresh */
                        refresh_token: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                        /** @description seconds the access token lives */
                        expires_in: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description too many failed attempts from this client; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 429,
                     *       "message": "too many attempts; try again later",
                     *       "code": "RATE_LIMITED",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    loginAlias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ann",
                 *       "password": "Change-me-1"
                 *     }
                 */
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Log in (alias of POST /auth) */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1Iiwic2lkIjoiOWYxYyJ9.c2lnbmF0dXJl",
                     *       "refresh_token": "q3V1mX9zJ0b7kQ2wT5yR8uN4aE6cL1dH0fG3sP7vZ2o",
                     *       "token_type": "Bearer",
                     *       "expires_in": 900
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description HS256 JWT; send as Authorization: Bearer <token> */
                        access_token: string;
                        /** @description opaque; good for one POST /auth/refresh */
                        refresh_token: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                        /** @description seconds the access token lives */
                        expires_in: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description too many failed attempts from this client; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 429,
                     *       "message": "too many attempts; try again later",
                     *       "code": "RATE_LIMITED",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refresh_token": "q3V1mX9zJ0b7kQ2wT5yR8uN4aE6cL1dH0fG3sP7vZ2o"
                 *     }
                 */
                "application/json": {
                    refresh_token: string;
                };
            };
        };
        responses: {
            /** @description Rotate a refresh token */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1Iiwic2lkIjoiOWYxYyJ9.c2lnbmF0dXJl",
                     *       "refresh_token": "q3V1mX9zJ0b7kQ2wT5yR8uN4aE6cL1dH0fG3sP7vZ2o",
                     *       "token_type": "Bearer",
                     *       "expires_in": 900
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description HS256 JWT; send as Authorization: Bearer <token> */
                        access_token: string;
                        /** @description opaque; good for one POST /auth/refresh */
                        refresh_token: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                        /** @description seconds the access token lives */
                        expires_in: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description End this session: its refresh and access tokens stop working */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "message": "logged out"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message: string;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "current_password": "Change-me-1",
                 *       "new_password": "Longer-and-new-2"
                 *     }
                 */
                "application/json": {
                    current_password: string;
                    /** @description 8–128 characters with a digit, a lower- and an upper-case letter (422 otherwise) */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Change your password; your other sessions end, this one continues */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "message": "password changed; your other sessions have ended"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message: string;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description too many failed attempts from this client; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 429,
                     *       "message": "too many attempts; try again later",
                     *       "code": "RATE_LIMITED",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    verifyToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Is this token good? */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "valid": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @enum {boolean} */
                        valid: true;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller, with role and permissions */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "user": {
                     *         "id": 5,
                     *         "name": "Ann Lee",
                     *         "username": "ann",
                     *         "role": "casting_assistant",
                     *         "active": true,
                     *         "created_at": "2026-01-10T08:30:00.000Z",
                     *         "updated_at": "2026-01-10T08:30:00.000Z",
                     *         "version": 1
                     *       },
                     *       "subject": "5",
                     *       "role": "casting_assistant",
                     *       "permissions": [
                     *         "get:movies",
                     *         "get:actors"
                     *       ],
                     *       "external": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        /** @description null for a token of the external issuer */
                        user: {
                            id: number;
                            name: string;
                            username: string;
                            /** @description casting_assistant, casting_director, executive_producer or admin */
                            role: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        } | null;
                        subject: string;
                        role: ("casting_assistant" | "casting_director" | "executive_producer" | "admin") | null;
                        /** @description effective permissions, from: get:movies, get:actors, post:actors, patch:actors, delete:actors, patch:movies, post:movies, delete:movies, import:movies, manage:auditions, make:offers, get:users, manage:users */
                        permissions: string[];
                        external: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description page number, from 1 */
                page?: number;
                /** @description items per page, at most 100 (more is a 400) */
                limit?: number;
                /** @description comma-separated sort keys, each field.asc or field.desc (missing values last either way); fields: username, name, role, created_at, id */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List accounts */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description rel="next" and rel="prev" page URLs, keeping the other query parameters */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "users": [
                     *         {
                     *           "id": 5,
                     *           "name": "Ann Lee",
                     *           "username": "ann",
                     *           "role": "casting_assistant",
                     *           "active": true,
                     *           "created_at": "2026-01-10T08:30:00.000Z",
                     *           "updated_at": "2026-01-10T08:30:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "page": 1,
                     *       "limit": 20,
                     *       "total": 1,
                     *       "total_pages": 1,
                     *       "total_capped": false
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        users: {
                            id: number;
                            name: string;
                            username: string;
                            /** @description casting_assistant, casting_director, executive_producer or admin */
                            role: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        }[];
                        page: number;
                        limit: number;
                        /** @description matches counted exactly up to 1,000; see total_capped */
                        total: number;
                        total_pages: number;
                        /** @description true when more than 1,000 match: total is then the cap, not the count */
                        total_capped: boolean;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description an ETag this client holds: 304 with no body while it still matches */
                "If-None-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One account */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "user": {
                     *         "id": 5,
                     *         "name": "Ann Lee",
                     *         "username": "ann",
                     *         "role": "casting_assistant",
                     *         "active": true,
                     *         "created_at": "2026-01-10T08:30:00.000Z",
                     *         "updated_at": "2026-01-10T08:30:00.000Z",
                     *         "version": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        user: {
                            id: number;
                            name: string;
                            username: string;
                            /** @description casting_assistant, casting_director, executive_producer or admin */
                            role: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description not modified (If-None-Match matched); no body */
            304: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    deactivateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivate an account (the row stays) and revoke all its sessions */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "deleted": 5
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        deleted: number;
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag last read: 412 when the resource changed since (or the tag is malformed, weak or a list); omit it or send * to write regardless */
                "If-Match"?: string;
            };
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        /** @description any non-empty subset of name, username, role, active, password */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "casting_director"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    username?: string;
                    /** @description casting_assistant, casting_director, executive_producer or admin */
                    role?: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                    /** @description false deactivates and revokes every session */
                    active?: boolean;
                    /** @description 8–128 characters with a digit, a lower- and an upper-case letter; a reset: ends every session of the user */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Change name, username, role, active flag or password */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description the version of the resource, for If-None-Match / If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "user": {
                     *         "id": 5,
                     *         "name": "Ann Lee",
                     *         "username": "ann",
                     *         "role": "casting_director",
                     *         "active": true,
                     *         "created_at": "2026-01-10T08:30:00.000Z",
                     *         "updated_at": "2026-02-01T12:00:00.000Z",
                     *         "version": 2
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        user: {
                            id: number;
                            name: string;
                            username: string;
                            /** @description casting_assistant, casting_director, executive_producer or admin */
                            role: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description If-Match does not name the current version */
            412: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 412,
                     *       "message": "movie was changed by someone else; fetch it again",
                     *       "code": "VERSION_MISMATCH",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
    updateUserCatalogApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description integer id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ann Lee",
                 *       "email": "ann@example.com"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** @description stored as the username */
                    email?: string;
                };
            };
        };
        responses: {
            /** @description Catalog-API alias of PATCH /users/:id */
            200: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "user": {
                     *         "id": 5,
                     *         "name": "Ann Lee",
                     *         "username": "ann@example.com",
                     *         "role": "casting_assistant",
                     *         "active": true,
                     *         "created_at": "2026-01-10T08:30:00.000Z",
                     *         "updated_at": "2026-01-10T08:30:00.000Z",
                     *         "version": 2
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        user: {
                            id: number;
                            name: string;
                            username: string;
                            /** @description casting_assistant, casting_director, executive_producer or admin */
                            role: "casting_assistant" | "casting_director" | "executive_producer" | "admin";
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description grows by one on every change; the ETag is made from it */
                            version: number;
                        };
                    };
                };
            };
            /** @description malformed input: unparseable JSON, wrong type, unknown field, bad query parameter */
            400: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 400,
                     *       "message": "body/rating unknown field rating",
                     *       "code": "INVALID_REQUEST",
                     *       "details": [
                     *         {
                     *           "path": "/rating",
                     *           "message": "body/rating unknown field rating"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no or bad token (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 401,
                     *       "message": "a bearer token is required (Authorization: Bearer <token>)",
                     *       "code": "TOKEN_MISSING",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description authenticated but missing the permission */
            403: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 403,
                     *       "message": "this action needs the permission post:movies",
                     *       "code": "FORBIDDEN",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 404,
                     *       "message": "movie 999 not found",
                     *       "code": "MOVIE_NOT_FOUND",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description conflicts with an existing resource */
            409: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 409,
                     *       "message": "a movie with this title, director and release date exists",
                     *       "code": "MOVIE_CONFLICT",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 413,
                     *       "message": "Request body is too large",
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 415,
                     *       "message": "Unsupported Media Type",
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description well-formed but breaks a rule; details name each field */
            422: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 422,
                     *       "message": "imdb_score must be between 0 and 10",
                     *       "code": "VALIDATION_FAILED",
                     *       "details": [
                     *         {
                     *           "path": "/imdb_score",
                     *           "message": "imdb_score must be between 0 and 10"
                     *         }
                     *       ],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
            /** @description database unavailable; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description the request id: the client’s X-Request-Id when it is a token of 1–64 [A-Za-z0-9._:-], else a UUID */
                    "X-Request-Id"?: string;
                    /** @description seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": false,
                     *       "error": 503,
                     *       "message": "the database is unavailable; try again shortly",
                     *       "code": "DATABASE_UNAVAILABLE",
                     *       "details": [],
                     *       "request_id": "0354201d-28a2-44c7-96d1-53495e020639"
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        success: false;
                        /** @description the HTTP status code */
                        error: number;
                        message: string;
                        /** @description stable machine-readable code, e.g. MOVIE_NOT_FOUND */
                        code: string;
                        details: {
                            /** @description JSON pointer to the offending field, e.g. /age */
                            path: string;
                            message: string;
                        }[];
                        /** @description present on 5xx: quote it when reporting the problem */
                        request_id?: string;
                    };
                };
            };
        };
    };
}
