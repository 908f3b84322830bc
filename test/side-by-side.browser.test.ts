import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, type ReadingRoom, startReadingRoom } from './support/reading-room.server.ts';

/**
 * Side-by-side reading in Chromium: the seeds ingested, the server on a free port. A click on a
 * Russian paragraph of the cable, or Enter or Space on it, lights up its English counterpart.
 * Screenshots go to test-results/.
 */

declare const document: { activeElement: { id: string } | null };

const VIEW = '#parallel-original-translation-en';
const russian = (block: string) => `${VIEW}-original-${block}`;
const english = (block: string) => `${VIEW}-translation-en-${block}`;

let room: ReadingRoom;
let browser: Browser;
let baseUrl: string;
let cableId: string;
let letterId: string;

before(async () => {
  room = await startReadingRoom();
  ({ browser, baseUrl, cableId, letterId } = room);
});

after(() => room?.close());

/** Opens a page and collects what the console says, so that a script the CSP blocked shows. */
async function openPage(path: string, width = 1440): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    // Other pages' assets are not this test's business; a blocked or failing script of ours is.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.url().includes('/static/reading-room') && response.status() !== 200)
      errors.push(`${response.url()}: ${response.status()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${baseUrl}${path}`);
  assert.equal(response?.status(), 200, `GET ${path}`);
  return { page, errors };
}

async function linked(page: Page): Promise<string[]> {
  return page.locator(`${VIEW} .is-linked`).evaluateAll((blocks) => blocks.map((b) => b.id));
}

test('a click on a Russian paragraph of the cable highlights its English counterpart, and only that', async () => {
  const { page, errors } = await openPage(`/documents/${encodeURIComponent(cableId)}`);
  try {
    assert.equal(await page.locator(`${VIEW} .parallel-block[data-side="source"]`).count(), 19);
    assert.equal(await page.locator(`${VIEW} .parallel-block[data-side="target"]`).count(), 19);
    assert.deepEqual(await linked(page), [], 'nothing is highlighted before a reader selects');

    await page.locator(russian('b5')).click();
    assert.deepEqual(await linked(page), [english('b5').slice(1)]);
    assert.equal(await page.locator(english('b5')).getAttribute('aria-current'), 'true');
    assert.match((await page.locator(english('b5')).getAttribute('class')) ?? '', /\bis-linked\b/);
    assert.match((await page.locator(russian('b5')).getAttribute('class')) ?? '', /\bis-active\b/);
    const [ru, en] = await Promise.all([
      page.locator(russian('b5')).boundingBox(),
      page.locator(english('b5')).boundingBox(),
    ]);
    assert.ok(ru && en && Math.abs(ru.y - en.y) < 1, 'the counterparts stand level, side by side');
    assert.ok(ru && en && en.x > ru.x + ru.width / 2, 'the translation stands to the right');

    await page.locator(english('b17')).click();
    assert.deepEqual(await linked(page), [russian('b17').slice(1)], 'it works from the English side too');
    assert.equal(await page.locator(`${VIEW} [aria-current="true"]`).count(), 1, 'the old highlight is gone');
    await page.screenshot({ path: `${RESULTS_DIR}side-by-side-cable-1440.png`, fullPage: false });
    assert.deepEqual(errors, [], 'no script error and no blocked script');
  } finally {
    await page.close();
  }
});

test('the keyboard reaches every paragraph of the side-by-side view, and Enter or Space highlights the counterpart', async () => {
  const { page } = await openPage(`/documents/${encodeURIComponent(cableId)}`, 375);
  try {
    await page.locator(russian('b11')).focus();
    // Tab order runs row by row: the English b11, then the Russian b12.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), russian('b12').slice(1));
    await page.keyboard.press('Enter');
    assert.deepEqual(await linked(page), [english('b12').slice(1)]);
    assert.match((await page.locator(`${VIEW} [aria-live]`).textContent()) ?? '', /counterpart/);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    assert.deepEqual(await linked(page), [english('b13').slice(1)]);
    await page.screenshot({ path: `${RESULTS_DIR}side-by-side-cable-375.png`, fullPage: false });
  } finally {
    await page.close();
  }
});

test('the letter: the draft against the typed original, the signature the Russian lacks, and the thread', async () => {
  const { page, errors } = await openPage(`/documents/${encodeURIComponent(letterId)}`);
  try {
    // The English adds the signature "FILIPPOV [Stalin]": a row with nothing on the Russian side.
    const signature = page.locator(english('b9'));
    assert.equal(await signature.getAttribute('data-link'), '8');
    await signature.click();
    assert.deepEqual(await linked(page), []);
    assert.match((await page.locator(`${VIEW} [aria-live]`).textContent()) ?? '', /no counterpart/);

    const comparison = page.locator('#comparison-draft-original');
    assert.ok(await comparison.isVisible());
    assert.ok((await comparison.locator('.diff-delete').count()) > 5, 'words the typed letter dropped');
    assert.ok((await comparison.locator('.diff-insert').count()) > 5, 'words the typed letter added');
    assert.ok((await comparison.locator('.comparison-draft del').count()) > 5, "the draft's own deletions");
    const struck = await comparison
      .locator('.diff-delete')
      .first()
      .evaluate((el) => {
        const style = (
          globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string } }
        ).getComputedStyle(el);
        return style.textDecorationLine;
      });
    assert.match(struck, /line-through/);

    const thread = page.locator('#thread');
    assert.match((await thread.textContent()) ?? '', /2 documents between Joseph Stalin and Mao Zedong/);
    assert.equal(await thread.locator('a[href^="/documents/"]').count(), 1, 'the other document is linked');
    await comparison.screenshot({ path: `${RESULTS_DIR}comparison-letter-1440.png` });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
