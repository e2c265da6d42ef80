import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  /** Requests completed in the whole run. */
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  paths: () => string; // a path per request, e.g. a random id
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
}

/** Drives one endpoint with autocannon and keeps the figures the reports need. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 10,
    headers: options.headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: options.paths() }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
