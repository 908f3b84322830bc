/**
 * The body of a reader thread of `prepareFiles` (src/ingest/prepare.pool.ts): prepares the files
 * it is given one at a time and sends their items to the writer, pausing when the writer has not
 * taken `BATCH_CREDITS` of its batches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AuthorityIndex } from '../names/authority.index.ts';
import { prepareFile } from './file.prepare.ts';
import { READERS } from './formats/format.readers.ts';
import type { FormatReader } from './formats/format.types.ts';
import {
  BATCH_CREDITS,
  type PrepareReply,
  type PrepareRequest,
  type PrepareThreadData,
} from './prepare.pool.ts';

const data = workerData as PrepareThreadData;
const context = {
  readers: data.formats.map((format) => READERS.find((r) => r.format === format) as FormatReader),
  authorities: new AuthorityIndex(data.authorities),
};
const port = parentPort;
if (!port) throw new Error('prepare.worker.ts runs as a worker thread');

const files: { file: number; path: string }[] = [];
let current = -1;
let credits = 0;
let resume: (() => void) | null = null;
let busy = false;

port.on('message', (request: PrepareRequest) => {
  if (request.kind === 'file') {
    files.push(request);
    if (!busy) void work();
  } else if (request.file === current) {
    credits++;
    resume?.();
    resume = null;
  }
});

async function work(): Promise<void> {
  busy = true;
  for (let next = files.shift(); next; next = files.shift()) await prepare(next.file, next.path);
  busy = false;
}

async function prepare(file: number, path: string): Promise<void> {
  const send = (reply: PrepareReply) => port?.postMessage(reply);
  current = file;
  credits = BATCH_CREDITS;
  try {
    for await (const item of prepareFile(path, context)) {
      send({ file, item });
      if (item.kind !== 'batch') continue;
      credits--;
      while (credits <= 0) {
        await new Promise<void>((wake) => {
          resume = wake;
        });
      }
    }
    send({ file, end: true });
  } catch (error) {
    // A bug, not bad input (prepareFile ends those as `failed`): the writer stops with its stack.
    send({ file, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
