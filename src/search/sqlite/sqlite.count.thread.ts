import type { Worker } from 'node:worker_threads';
import { startTypescriptWorker } from '../../runtime/typescript.worker.ts';
import type { SearchPlan } from '../search.plan.ts';
import type { MatchCount } from '../search-index.types.ts';

export interface CountRequest {
  id: number;
  plan: SearchPlan;
  facetLimit: number;
}

export type CountReply = { id: number; count: MatchCount } | { id: number; error: string };

/**
 * A worker thread that counts matches and facets on its own connection to a SQLite file, while
 * the search's own thread ranks the page: a search then takes about as long as the longer of
 * the two rather than both. It starts on first use and is only offered work when idle and
 * ready, so a search never waits behind another's count (the caller counts itself instead).
 */
export class CountThread {
  private worker: Worker | null = null;
  private ready = false;
  /** Set when the worker failed: counting stays in the caller's thread from then on. */
  private failed = false;
  private nextId = 1;
  private whenReady: (() => void)[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (c: MatchCount) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly path: string) {}

  /** Whether a count can be handed over now; starts the worker when it was not running. */
  available(): boolean {
    if (this.failed) return false;
    if (!this.worker) this.start();
    return this.ready && this.pending.size === 0;
  }

  /** Resolves once the worker is ready, or has failed (and counting stays with the caller). */
  started(): Promise<void> {
    if (this.failed || this.ready) return Promise.resolve();
    if (!this.worker) this.start();
    return new Promise((resolve) => this.whenReady.push(resolve));
  }

  count(plan: SearchPlan, facetLimit: number): Promise<MatchCount> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the counting worker is not running'));
    const id = this.nextId++;
    return new Promise<MatchCount>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Referenced only while a count is out: an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage({ id, plan, facetLimit } satisfies CountRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failed = true;
    if (worker) await worker.terminate();
  }

  private settleStart(): void {
    for (const resolve of this.whenReady.splice(0)) resolve();
  }

  private start(): void {
    const worker = startTypescriptWorker(new URL('./sqlite.count.worker.ts', import.meta.url), {
      workerData: { path: this.path },
    });
    worker.unref();
    worker.on('message', (message: CountReply | { ready: true }) => {
      if ('ready' in message) {
        this.ready = true;
        this.settleStart();
        return;
      }
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if ('error' in message) waiting.reject(new Error(message.error));
      else waiting.resolve(message.count);
    });
    const fail = (error: Error) => {
      this.failed = true;
      this.worker = null;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
      this.settleStart();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(new Error(`the counting worker stopped (exit code ${code})`));
    });
    this.worker = worker;
  }
}
