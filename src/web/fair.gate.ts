import type { Socket } from 'node:net';

/**
 * Lets a few requests of a web process work at once and queues the rest, a connection's first
 * request ahead of the requests of connections already served. Without it, every request in
 * flight shares the process's time, so under load each (a newcomer's too) takes as long as all
 * of them together; with it, a new reader waits for one of the few under way to finish, while
 * the connections that keep the server busy are served in turn, first come, first served.
 *
 * @example const gate = new FairGate(8); await gate.run(request.socket, () => handle(request));
 */
export class FairGate {
  private working = 0;
  private readonly newcomers: (() => void)[] = [];
  private readonly regulars: (() => void)[] = [];
  /** Requests each connection has had served: a WeakMap, so a closed connection is forgotten. */
  private readonly served = new WeakMap<Socket, number>();

  constructor(private readonly concurrency: number) {}

  async run<T>(socket: Socket | undefined, work: () => Promise<T>): Promise<T> {
    const before = socket ? (this.served.get(socket) ?? 0) : 0;
    if (socket) this.served.set(socket, before + 1);
    if (this.working >= this.concurrency) {
      await new Promise<void>((resolve) => (before === 0 ? this.newcomers : this.regulars).push(resolve));
    } else {
      this.working++;
    }
    try {
      return await work();
    } finally {
      // The slot passes to the next in line, or frees.
      const next = this.newcomers.shift() ?? this.regulars.shift();
      if (next) next();
      else this.working--;
    }
  }

  /** Requests waiting for a slot: what a benchmark or a health check may report. */
  get waiting(): number {
    return this.newcomers.length + this.regulars.length;
  }
}
