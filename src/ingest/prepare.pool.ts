import type { Worker } from 'node:worker_threads';
import { AuthorityIndex } from '../names/authority.index.ts';
import type { Authority, SourceFormat } from '../record/record.types.ts';
import { startTypescriptWorker } from '../runtime/typescript.worker.ts';
import { type PreparedItem, prepareFile } from './file.prepare.ts';
import { READERS } from './formats/format.readers.ts';
import type { FormatReader } from './formats/format.types.ts';

/** Files being prepared (src/ingest/file.prepare.ts), handed to the writer in the order given. */
export interface FilePreparation {
  /** The items of the next file of the list; each file is taken once, in order. */
  next(): AsyncIterable<PreparedItem>;
  /** Stops the threads, if any. */
  close(): Promise<void>;
}

export interface PrepareOptions {
  /** Reader threads; 0 prepares each file in this thread when the writer asks for it. */
  threads: number;
  readers: readonly FormatReader[];
  /** The authority file, without what the archive reconciled (see `ingestPaths`). */
  authorities: readonly Authority[];
}

/** What a reader thread is started with. */
export interface PrepareThreadData {
  formats: SourceFormat[];
  authorities: readonly Authority[];
}

/** What the writer tells a reader thread: a file to prepare, or that it took one of its batches. */
export type PrepareRequest = { kind: 'file'; file: number; path: string } | { kind: 'credit'; file: number };

/** What a reader thread tells the writer about the file numbered `file`. */
export type PrepareReply =
  | { file: number; item: PreparedItem }
  | { file: number; end: true }
  | { file: number; crash: string };

/**
 * Batches a reader thread may have sent of a file and the writer not yet taken: what bounds the
 * memory, since a thread reads a FRUS volume faster than the writer saves it. Two let the writer
 * find the next batch waiting while it saves one.
 */
export const BATCH_CREDITS = 2;

/**
 * The ceiling of each reader thread's old generation. A reader keeps little alive (the authority
 * file, its caches, the batch it is filling); with a ceiling V8 collects before the heap has grown
 * to several times that, as in the ingest worker (src/cli/ingest.thread.ts).
 */
const READER_HEAP_MB = 256;

/**
 * Prepares the files in `threads` reader threads, or in this thread when `threads` is 0. SQLite
 * takes one writer: the threads read, enrich and analyze; the writer saves what they send, file
 * after file in the order given, so that an archive is built the same whatever the threads.
 *
 * @example
 * const files = prepareFiles(paths, { threads: 2, readers: READERS, authorities: loadAuthorities() });
 * for (const _ of paths) for await (const item of files.next()) save(item);
 * await files.close();
 */
export function prepareFiles(paths: readonly string[], options: PrepareOptions): FilePreparation {
  if (options.threads > 0) return new PreparePool(paths, options);
  const context = { readers: options.readers, authorities: new AuthorityIndex(options.authorities) };
  let next = 0;
  return {
    next: () => prepareFile(paths[next++] as string, context),
    close: async () => {},
  };
}

/** One file of the list, as its items arrive from the thread that prepares it. */
interface Slot {
  path: string;
  items: PreparedItem[];
  ended: boolean;
  /** The writer stopped taking its items (a save failed): they are dropped as they come. */
  dropped: boolean;
  thread: Worker | null;
  /** The writer, waiting for the next item. */
  wake: (() => void) | null;
}

/**
 * Reader threads working ahead of the writer. A thread takes the next file as soon as it is done
 * with one, up to `threads + 1` files beyond the one the writer is saving; of each file it sends
 * at most `BATCH_CREDITS` batches the writer has not taken. Memory is bounded by both, whatever
 * the size of the corpus.
 */
class PreparePool implements FilePreparation {
  private readonly slots: Slot[];
  private readonly idle: Worker[] = [];
  private readonly threads: Worker[] = [];
  /** Files handed to threads so far, and the file the writer takes next. */
  private assigned = 0;
  private taken = 0;
  private failure: Error | null = null;
  private closing = false;
  private readonly ahead: number;

  constructor(paths: readonly string[], options: PrepareOptions) {
    this.slots = paths.map((path) => ({
      path,
      items: [],
      ended: false,
      dropped: false,
      thread: null,
      wake: null,
    }));
    this.ahead = options.threads + 1;
    const workerData: PrepareThreadData = {
      formats: options.readers.map(catalogued),
      authorities: options.authorities,
    };
    for (let i = 0; i < options.threads; i++) {
      const thread = startTypescriptWorker(new URL('./prepare.worker.ts', import.meta.url), {
        workerData,
        resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB },
      });
      thread.on('message', (reply: PrepareReply) => this.receive(thread, reply));
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a reader thread stopped (exit code ${code})`));
      });
      this.threads.push(thread);
      this.idle.push(thread);
    }
    this.assign();
  }

  next(): AsyncIterable<PreparedItem> {
    const file = this.taken++;
    const slot = this.slots[file];
    if (!slot) throw new Error(`no file left to prepare (${file} of ${this.slots.length})`);
    this.assign();
    return this.items(file, slot);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private async *items(file: number, slot: Slot): AsyncIterable<PreparedItem> {
    try {
      for (;;) {
        const item = slot.items.shift();
        if (item) {
          if (item.kind === 'batch') this.credit(file);
          yield item;
        } else if (this.failure) {
          throw this.failure;
        } else if (slot.ended) {
          return;
        } else {
          await new Promise<void>((resolve) => {
            slot.wake = resolve;
          });
        }
      }
    } finally {
      // What the writer left of the file (it stopped at a failed save) is dropped, and the thread
      // read on to the end of it, so that it is free for the next file.
      for (const item of slot.items) if (item.kind === 'batch') this.credit(file);
      slot.items = [];
      slot.dropped = true;
    }
  }

  /** The writer took a batch of the file: its thread may send another. */
  private credit(file: number): void {
    this.slots[file]?.thread?.postMessage({ kind: 'credit', file } satisfies PrepareRequest);
  }

  /** Hands files to idle threads, no further ahead of the writer than `ahead` files. */
  private assign(): void {
    while (
      this.idle.length > 0 &&
      this.assigned < this.slots.length &&
      this.assigned < this.taken + this.ahead
    ) {
      const thread = this.idle.shift() as Worker;
      const file = this.assigned++;
      const slot = this.slots[file] as Slot;
      slot.thread = thread;
      thread.postMessage({ kind: 'file', file, path: slot.path } satisfies PrepareRequest);
    }
  }

  private receive(thread: Worker, reply: PrepareReply): void {
    const slot = this.slots[reply.file];
    if (!slot) return;
    if ('item' in reply) {
      if (!slot.dropped) slot.items.push(reply.item);
      else if (reply.item.kind === 'batch') this.credit(reply.file);
    } else if ('end' in reply) {
      slot.ended = true;
      this.idle.push(thread);
      this.assign();
    } else {
      this.fail(new Error(`reading ${slot.path} in a reader thread failed: ${reply.crash}`));
    }
    this.wakeUp(slot);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) this.wakeUp(slot);
  }

  private wakeUp(slot: Slot): void {
    const wake = slot.wake;
    slot.wake = null;
    wake?.();
  }
}

/** A reader thread finds its readers by format among Chancery's own. */
function catalogued(reader: FormatReader): SourceFormat {
  if (!READERS.includes(reader)) {
    throw new Error(
      `reader threads read Chancery's own formats (src/ingest/formats/format.readers.ts), not ${reader.format}: prepare the files in this thread (threads: 0)`,
    );
  }
  return reader.format;
}
