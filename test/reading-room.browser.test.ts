import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { RESULTS_DIR, type ReadingRoom, startReadingRoom } from './support/reading-room.server.ts';

/**
 * The reading room as a reader sees it: both seeds ingested, the server on a free port, Chromium
 * (Debian's, with fonts-noto-cjk) opening the pages. Screenshots go to test-results/.
 */

// The callbacks given to `evaluate` run in the browser; the project compiles without the DOM lib,
// so the few browser globals they use are declared here, for this file only.
declare const document: { documentElement: { scrollWidth: number }; activeElement: { id: string } | null };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { textDecorationLine: string; verticalAlign: string };

const WIDTHS = [375, 1440] as const;

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

async function openPage(path: string, width = 1440): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(`${baseUrl}${path}`);
  assert.equal(response?.status(), 200, `GET ${path}`);
  return page;
}

/**
 * The text as rendered, not the DOM's textContent: what a reader sees, with hidden helper text
 * left out and CSS line breaks applied.
 */
function renderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point of a browser test.
  return locator.innerText();
}

async function visibleText(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector);
  assert.ok(await locator.first().isVisible(), `${selector} is visible`);
  const texts: string[] = [];
  for (const element of await locator.all()) texts.push(await renderedText(element));
  return texts.join('\n');
}

/** Every text block on the page declares its language. */
async function assertBlocksHaveLang(page: Page): Promise<void> {
  const missing = await page
    .locator('.text-body .block')
    .evaluateAll((blocks) => blocks.filter((b) => !b.getAttribute('lang') || !b.id).map((b) => b.outerHTML));
  assert.deepEqual(missing, []);
  assert.ok((await page.locator('.text-body .block').count()) > 20);
}

test('the cable: title, Filippov [Stalin], the Russian text, the custody timeline, location and translator', async () => {
  const page = await openPage(`/documents/${encodeURIComponent(cableId)}`);
  try {
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await visibleText(page, 'h1'), 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]');
    assert.match(await visibleText(page, '#about'), /Filippov \[Stalin\]/);
    assert.match(await visibleText(page, '#about'), /Mao Zedong/);

    const original = page.locator('#text-original');
    assert.equal(await visibleText(page, '#text-original h2'), 'Original (Russian)');
    assert.equal(await original.locator('.text-body').getAttribute('lang'), 'ru');
    const firstRussian = original.locator('.text-body .block').first();
    assert.equal(await firstRussian.getAttribute('lang'), 'ru');
    assert.equal((await renderedText(firstRussian)).trim(), 'Товарищ Филиппов!');
    assert.equal(await visibleText(page, '[id^="text-translation"] h2'), 'Translation (English)');
    await assertBlocksHaveLang(page);

    const timeline = page.locator('#handling ol.timeline');
    assert.ok(await timeline.isVisible());
    for (const at of ['1951-07-13T15:00', '1951-07-13T16:15', '1951-07-13T16:45']) {
      assert.equal(await timeline.locator(`time[datetime="${at}"]`).count(), 1, `event at ${at}`);
    }
    const events = await visibleText(page, '#handling');
    assert.match(events, /Received/);
    assert.match(events, /Deciphered.*Sudev/s);
    assert.match(events, /Printed.*Kornyushina/s);

    assert.match(await visibleText(page, '#locations'), /RGASPI, f\. 558, op\. 11, d\. 340, ll\. 0043-0045/);
    assert.match(await visibleText(page, '#credits'), /Translated by\s+Gary Goldberg/);
    assert.match(await visibleText(page, '#credits'), /Leon Levy Foundation/);
    assert.match(
      await visibleText(page, '#citation'),
      /“Cable No\. 21756.*,” July 13, 1951, RGASPI, f\. 558.*Wilson Center Digital Archive/,
    );
    assert.match(await visibleText(page, '#source'), /[0-9a-f]{64}/);
  } finally {
    await page.close();
  }
});

test('the letter: Filippov [Stalin], the draft with its deletions struck through and insertions raised, three locations', async () => {
  const page = await openPage(`/documents/${encodeURIComponent(letterId)}`);
  try {
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await visibleText(page, 'h1'), 'Hand-delivered letter, Filippov (Stalin) to Mao Zedong');
    assert.match(await visibleText(page, '#about'), /Filippov \[Stalin\]/);
    assert.equal(await page.locator('#text-original .text-body').getAttribute('lang'), 'ru');
    assert.match(await visibleText(page, '#text-original .text-body'), /ДЛЯ тов\. МАО ЦЗЕ-ДУНА/);
    await assertBlocksHaveLang(page);

    const draft = page.locator('#text-draft .text-body');
    assert.equal(await visibleText(page, '#text-draft h2'), 'Draft (Russian)');
    assert.equal(await draft.getAttribute('lang'), 'ru');
    assert.equal(await draft.locator('del').count(), 23, 'the 23 deletions of the draft');
    assert.equal(await draft.locator('ins > sup').count(), 6, 'the 6 insertions of the draft');
    const struck = await draft
      .locator('del')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    assert.match(struck, /line-through/);
    const raised = await draft
      .locator('ins > sup')
      .first()
      .evaluate((el) => getComputedStyle(el).verticalAlign);
    assert.equal(raised, 'super');
    assert.match(await visibleText(page, '#text-draft .text-body'), /непрерывно/);
    assert.match(await visibleText(page, '#text-draft .page-marker'), /98/);

    assert.equal(await page.locator('#locations li.location').count(), 3);
    const locations = await visibleText(page, '#locations');
    assert.match(locations, /APRF, f\. 45, op\. 1, d\. 343, ll\. 97-103/);
    assert.match(locations, /AVP RF, f\. 059a, op\. 5a, d\. 5, p\. 11, l\. 99/);
    assert.match(locations, /RGASPI, f\. 558, op\. 11, d\. 343, ll\. 0097-0104/);
    assert.match(await visibleText(page, '#source'), /113644/);
  } finally {
    await page.close();
  }
});

test('the skip link is the first stop of the keyboard and leads to the main content', async () => {
  const page = await openPage(`/documents/${encodeURIComponent(cableId)}`);
  try {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await renderedText(focused), 'Skip to main content');
    assert.ok(await focused.isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.ok(page.url().endsWith('#main'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      assert.ok((await page.locator(landmark).count()) >= 1, `a <${landmark}> landmark`);
    }
  } finally {
    await page.close();
  }
});

test('the home page lists both documents, and every page holds at 375 and 1440 px (screenshots)', async () => {
  const pages = [
    { name: 'home', path: '/' },
    { name: 'cable', path: `/documents/${encodeURIComponent(cableId)}` },
    { name: 'letter', path: `/documents/${encodeURIComponent(letterId)}` },
  ];
  for (const { name, path } of pages) {
    for (const width of WIDTHS) {
      const page = await openPage(path, width);
      try {
        assert.equal(await page.locator('h1').count(), 1);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} at ${width}px scrolls sideways by ${overflow}px`);
        if (name === 'home') {
          const titles = await Promise.all(
            (await page.locator('section[aria-labelledby="documents-heading"] .document-list a').all()).map(
              renderedText,
            ),
          );
          assert.deepEqual(titles, [
            'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
            'Hand-delivered letter, Filippov (Stalin) to Mao Zedong',
          ]);
        }
        await page.screenshot({ path: `${RESULTS_DIR}reading-room-${name}-${width}.png`, fullPage: true });
      } finally {
        await page.close();
      }
    }
  }
});
