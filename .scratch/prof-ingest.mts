import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
const app = await openApp({ db: '/tmp/p.db' });
const t = performance.now();
const files = process.argv.slice(2);
await ingestPaths({ paths: files, store: app.store, authorities: app.authorities, readers: app.readers });
console.log('total', ((performance.now() - t) / 1000).toFixed(1), 's');
await app.close();
