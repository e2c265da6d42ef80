/** What an error answer of each status looks like, for operations whose example names no error of its own. */
const ERRORS: Record<string, [code: string, message: string, path?: string]> = {
  400: ['INVALID_REQUEST', 'body/rating unknown field rating', '/rating'],
  401: ['TOKEN_MISSING', 'a bearer token is required (Authorization: Bearer <token>)'],
  403: ['FORBIDDEN', 'this action needs the permission post:movies'],
  404: ['MOVIE_NOT_FOUND', 'movie 999 not found'],
  408: ['REQUEST_TIMEOUT', 'the request did not arrive in time'],
  409: ['MOVIE_CONFLICT', 'a movie with this title, director and release date exists'],
  412: ['VERSION_MISMATCH', 'movie was changed by someone else; fetch it again'],
  413: ['PAYLOAD_TOO_LARGE', 'Request body is too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type'],
  422: ['VALIDATION_FAILED', 'imdb_score must be between 0 and 10', '/imdb_score'],
  429: ['RATE_LIMITED', 'too many attempts; try again later'],
  503: ['DATABASE_UNAVAILABLE', 'the database is unavailable; try again shortly'],
};

/** The error envelope as a client receives it with `status`. */
export function errorExample(status: string): Record<string, unknown> {
  const [code, message, path] = ERRORS[status] ?? ['INTERNAL_ERROR', 'something went wrong on our side'];
  return {
    success: false,
    error: Number(status),
    message,
    code,
    details: path ? [{ path, message }] : [],
    request_id: '0354201d-28a2-44c7-96d1-53495e020639',
  };
}
