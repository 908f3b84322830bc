import type { Worker } from 'node:worker_threads';
import { ChanceryError } from '../../errors.ts';
import { startTypescriptWorker } from '../../runtime/typescript.worker.ts';
import { searchTimeout } from '../search.budget.ts';
import type { SearchPlan } from '../search.plan.ts';
import type { MatchCount, PageHit } from '../search-index.types.ts';

export type SearchRequest = { id: number; plan: SearchPlan } & (
  | { kind: 'count'; facetLimit: number }
  | { kind: 'page'; window: { from: number; size: number } }
);

export type SearchReply = { id: number; result: MatchCount | PageHit[] } | { id: number; error: string };

type Job = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;

interface Task {
  job: Job;
  resolve: (result: MatchCount | PageHit[]) => void;
  reject: (error: Error) => void;
  /** Set when a worker takes the search: starting the workers and waiting in line are not its time. */
  timer: NodeJS.Timeout | null;
  /** False for the warm-up, which reads every facet column once, however long that takes. */
  budgeted: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The task it runs, by request id. */
  running: { id: number; task: Task } | null;
}

/**
 * Worker threads that count and rank searches of a SQLite file, each on its own read-only
 * connection: a search's count and page run side by side, and the thread that serves pages is
 * never held by SQLite. Every search has a time budget: past it the search fails with
 * `search.timeout` and its worker is stopped and replaced. SQLite finishes the statement it is in
 * before the stopped worker exits (better-sqlite3 cannot interrupt one), so while too many
 * stopped workers are still finishing, new searches are turned away at once rather than queued
 * behind them.
 */
export class SearchThreads {
  private readonly slots: Slot[] = [];
  private readonly queue: { id: number; task: Task }[] = [];
  private stopping = 0;
  private nextId = 1;
  private closed = false;
  /** Workers that died before they were ready, one after another: past three, none is started. */
  private failedStarts = 0;
  private broken: Error | null = null;
  private readonly whenReady: (() => void)[] = [];

  constructor(
    private readonly path: string,
    private readonly options: { threads: number; budgetMs: number; maxStopping: number },
  ) {}

  count(
    plan: SearchPlan,
    facetLimit: number,
    options: { budgeted: boolean } = { budgeted: true },
  ): Promise<MatchCount> {
    return this.run({ kind: 'count', plan, facetLimit }, options.budgeted) as Promise<MatchCount>;
  }

  page(plan: SearchPlan, window: { from: number; size: number }): Promise<PageHit[]> {
    return this.run({ kind: 'page', plan, window }) as Promise<PageHit[]>;
  }

  /** One entry per worker. */
  size(): undefined[] {
    return Array.from({ length: this.options.threads });
  }

  /** Resolves when every worker has started (they start on first use), or none can. */
  started(): Promise<void> {
    this.fill();
    if (this.broken || this.slots.every((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => this.whenReady.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const { task } of this.queue.splice(0)) this.settle(task, stopping());
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private run(job: Job, budgeted = true): Promise<MatchCount | PageHit[]> {
    if (this.closed) return Promise.reject(stopping());
    if (this.broken) return Promise.reject(this.broken);
    if (this.stopping >= this.options.maxStopping) return Promise.reject(busy());
    this.fill();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.queue.push({ id, task: { job, resolve, reject, timer: null, budgeted } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.running) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.running = next;
      // The budget is the search's own time: from when a worker takes it, not its wait in line
      // (the web process lets only a few requests work at once, so the line is short).
      if (next.task.budgeted) next.task.timer = setTimeout(() => this.expire(next.id), this.options.budgetMs);
      // Referenced only while it works: an idle worker never keeps the process alive.
      slot.worker.ref();
      slot.worker.postMessage({ ...next.task.job, id: next.id } as SearchRequest);
    }
  }

  /** The budget ran out: the search takes its worker down. */
  private expire(id: number): void {
    const slot = this.slots.find((s) => s.running?.id === id);
    if (!slot?.running) return;
    this.settle(slot.running.task, searchTimeout(this.options.budgetMs));
    this.retire(slot);
  }

  private retire(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    this.stopping++;
    void slot.worker.terminate().finally(() => this.stopping--);
    this.fill();
  }

  private fill(): void {
    while (!this.closed && !this.broken && this.slots.length < this.options.threads)
      this.slots.push(this.start());
  }

  private start(): Slot {
    const worker = startTypescriptWorker(new URL('./sqlite.search.worker.ts', import.meta.url), {
      workerData: { path: this.path },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, running: null };
    worker.on('message', (message: SearchReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.failedStarts = 0;
        if (this.slots.every((s) => s.ready)) for (const resolve of this.whenReady.splice(0)) resolve();
      } else if (slot.running?.id === message.id) {
        const { task } = slot.running;
        slot.running = null;
        worker.unref();
        if ('error' in message) this.settle(task, new Error(message.error));
        else this.settle(task, null, message.result);
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      if (!this.slots.includes(slot)) return;
      if (slot.running) this.settle(slot.running.task, error);
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (!slot.ready && ++this.failedStarts >= 3) {
        this.broken = new Error(`search workers cannot start: ${error.message}`);
        for (const { task } of this.queue.splice(0)) this.settle(task, this.broken);
        for (const resolve of this.whenReady.splice(0)) resolve();
        return;
      }
      this.fill();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a search worker stopped (exit code ${code})`)));
    return slot;
  }

  private settle(task: Task, error: Error | null, result?: MatchCount | PageHit[]): void {
    if (task.timer) clearTimeout(task.timer);
    if (error) task.reject(error);
    else task.resolve(result as MatchCount | PageHit[]);
  }
}

function busy(): ChanceryError {
  return new ChanceryError(
    'search.timeout',
    'The archive is finishing searches that ran too long; try again in a few seconds.',
  );
}

/** What a search still waiting when the index closes gets: the server is stopping, try again. */
function stopping(): ChanceryError {
  return new ChanceryError(
    'server.stopping',
    'The archive is closing (the server is stopping): try again in a moment.',
  );
}
