import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { App } from '../../src/app.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { listenWeb } from '../../src/web/web.listen.ts';
import { launchChromium } from './chromium.launch.ts';
import { openCorpusApp } from './corpus.app.ts';

/** Where browser tests save their screenshots. */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

export interface ReadingRoom {
  app: App;
  browser: Browser;
  baseUrl: string;
  cableId: string;
  letterId: string;
  close(): Promise<void>;
}

/**
 * The reading room as a reader meets it: both seeds ingested into an in-memory archive, the
 * server on a free port of 127.0.0.1, and Debian's Chromium (with fonts-noto-cjk) to open it.
 */
export async function startReadingRoom(): Promise<ReadingRoom> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const app = await openCorpusApp({ frus: false });
  const summaries = await app.store.listRecords();
  const idOf = (titleStart: string) => {
    const found = summaries.find((s) => s.title.startsWith(titleStart));
    assert.ok(found, `a record titled "${titleStart}…" was ingested`);
    return found.id;
  };
  const web = createWebApp(app);
  const server = await listenWeb(web, { port: 0, hostname: '127.0.0.1' });
  const browser = await launchChromium();

  return {
    app,
    browser,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cableId: idOf('Cable No. 21756'),
    letterId: idOf('Hand-delivered letter'),
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
