// autocannon ships no types; this is the slice the benchmarks use.
declare module 'autocannon' {
  export interface Result {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; average: number };
    errors: number;
    non2xx: number;
    timeouts: number;
  }
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each send; returns the request to send (a fresh body, say). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    /** Called with each response (headers by name as the server sent them). */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  }
  function autocannon(options: {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    /** Requests per second across all connections; none: as fast as possible. */
    overallRate?: number;
    headers?: Record<string, string>;
    /** Each connection sends these in turn, then starts over. */
    requests?: Request[];
  }): Promise<Result>;
  export default autocannon;
}
