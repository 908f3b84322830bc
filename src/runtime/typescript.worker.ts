import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. Workers do not inherit the main thread's module
 * hooks, so the worker registers tsx with the project's tsconfig (as bin/chancery.js does) before
 * it imports the module.
 *
 * @example const worker = startTypescriptWorker(new URL('./count.worker.ts', import.meta.url), { workerData });
 */
export function startTypescriptWorker(module: URL, options: ConstructorParameters<typeof Worker>[1]): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}
