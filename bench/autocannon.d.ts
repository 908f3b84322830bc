// autocannon ships no type declarations; these cover what bench/web.ts and bench/load.ts use.
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p97_5: number;
    p99: number;
    max: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    /** Requests made in turn; `setupRequest` may change each one before it is sent. */
    requests?: { setupRequest?: (request: { path: string }) => { path: string } }[];
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
