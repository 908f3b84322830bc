import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { RESULTS_DIR, type ReadingRoom, startReadingRoom } from './support/reading-room.server.ts';

/**
 * A historian's day in Chromium: search, narrow by a facet, open a document, (read side by side
 * when the page offers it), open the author's page, cite. Each step is photographed at 375 and
 * 1440 px under test-results/, and axe-core checks the main pages for serious or critical
 * accessibility violations.
 */

// Browser-side globals used inside `evaluate`; the project compiles without the DOM lib.
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
declare const axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
declare function getComputedStyle(element: unknown): { opacity: string };

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const WIDTHS = [375, 1440] as const;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let room: ReadingRoom;
let browser: Browser;
let baseUrl: string;
let cableId: string;

before(async () => {
  room = await startReadingRoom();
  ({ browser, baseUrl, cableId } = room);
});

after(() => room?.close());

async function withContext(
  options: { width: number; javaScript?: boolean; bypassCSP?: boolean },
  body: (context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    // Only the axe checks need it: axe is injected as a script the page policy would refuse.
    bypassCSP: options.bypassCSP ?? false,
  });
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

/** What a reader sees (CSS applied, hidden text left out), not the DOM's textContent. */
function renderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point of a browser test.
  return locator.innerText();
}

async function assertNoSidewaysScroll(page: Page, name: string, width: number): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} at ${width}px scrolls sideways by ${overflow}px`);
}

async function snap(page: Page, name: string, width: number): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `${name} has one h1`);
  await assertNoSidewaysScroll(page, name, width);
  await page.screenshot({ path: `${RESULTS_DIR}journey-${name}-${width}.png`, fullPage: true });
}

for (const width of WIDTHS) {
  test(`the journey at ${width}px: search, facet, document, author, cite`, async () => {
    await withContext({ width }, async (context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/search`);
      await page.locator('#q').fill('Filippov');
      await page.locator('#q').press('Enter');
      await page.waitForURL(/\/search\?q=Filippov/);
      assert.match(await renderedText(page.locator('#results-heading')), /2 documents/);
      await snap(page, '1-search', width);

      await page.locator('.facet a', { hasText: /^Cable$/ }).click();
      await page.waitForURL(/type%3Acable|type:cable/i);
      assert.match(await renderedText(page.locator('#results-heading')), /^1 document/);
      await snap(page, '2-facet', width);

      await page.locator('.hit-list a.document-title').first().click();
      await page.waitForURL(/\/documents\//);
      assert.equal(
        await renderedText(page.locator('h1')),
        'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
      );
      await snap(page, '3-document', width);

      // Side by side belongs to another change; the journey takes it when the page offers it.
      const sideBySide = page
        .getByRole('link', { name: /side by side/i })
        .or(page.getByRole('button', { name: /side by side/i }));
      if ((await sideBySide.count()) > 0) {
        await sideBySide.first().click();
        await snap(page, '4-side-by-side', width);
      }

      // Every block has a permanent link that shows on focus and copies the block's address.
      const block = page.locator('#text-original .text-body .block').first();
      const permalink = block.locator('a.block-permalink');
      assert.equal(await permalink.getAttribute('href'), `#${await block.getAttribute('id')}`);
      await permalink.focus();
      assert.equal(await permalink.evaluate((el) => getComputedStyle(el).opacity), '1');
      await permalink.press('Enter');
      assert.ok(page.url().endsWith(`#${await block.getAttribute('id')}`));
      const copied = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      assert.equal(copied, page.url());

      await page.locator('#about a.agent').first().click();
      await page.waitForURL(/\/people\/mao-zedong$/);
      assert.equal(await renderedText(page.locator('h1')), 'Mao Zedong');
      assert.match(await renderedText(page.locator('#wrote')), /Cable No\. 21756/);
      await snap(page, '5-person', width);

      await page.goBack();
      await page.locator('.toc a[href="#citation"]').click();
      const note = page.locator('#cite-note');
      assert.ok(await note.isVisible());
      await page.getByRole('button', { name: 'Copy the note' }).click();
      const clipboard = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      assert.equal(clipboard, (await renderedText(note)).trim());
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^RIS/ }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.ris$/);
      await page.locator('#citation').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS_DIR}journey-6-cite-${width}.png` });
    });
  });
}

test('the browsing pages hold at 375 and 1440 px (screenshots)', async () => {
  const pages = [
    ['home', '/'],
    ['people', '/people'],
    ['person', '/people/stalin'],
    ['place', '/places/kaesong'],
    ['archive', '/archives/RGASPI'],
    ['timeline', '/timeline'],
    ['timeline-month', '/timeline?year=1951&month=07'],
    ['correspondence', '/correspondence'],
    ['thread', '/correspondence?a=stalin&b=mao-zedong'],
  ] as const;
  for (const width of WIDTHS) {
    await withContext({ width }, async (context) => {
      const page = await context.newPage();
      for (const [name, path] of pages) {
        const response = await page.goto(`${baseUrl}${path}`);
        assert.equal(response?.status(), 200, path);
        await snap(page, `page-${name}`, width);
      }
    });
  }
});

test('without JavaScript the document page reads whole, cites, and hides the copy buttons', async () => {
  await withContext({ width: 375, javaScript: false }, async (context) => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/documents/${encodeURIComponent(cableId)}`);
    assert.ok(await page.locator('#cite-note').isVisible());
    assert.equal(
      await page.getByRole('button', { name: 'Copy the note' }).count(),
      0,
      'hidden buttons are not offered',
    );
    assert.equal(await page.locator('a.block-permalink').count(), 0);
    assert.ok(await page.getByRole('link', { name: /^BibTeX/ }).isVisible());
    await page.goto(`${baseUrl}/documents/${encodeURIComponent(cableId)}#original-b1`);
    assert.ok(await page.locator('#original-b1').isVisible());
  });
});

test('printed, the document page leaves out navigation, neighbours and buttons but keeps the citation', async () => {
  await withContext({ width: 1440 }, async (context) => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/documents/${encodeURIComponent(cableId)}`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.toc', 'nav.neighbours', '.cite-actions', 'a.block-permalink']) {
      assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
    }
    assert.ok(await page.locator('#cite-note').isVisible());
    assert.ok(await page.locator('#text-original .text-body').isVisible());
    await page.screenshot({ path: `${RESULTS_DIR}journey-print-document-1440.png`, fullPage: true });
  });
});

test('axe-core finds no serious or critical violation on home, search, document, person and timeline', async () => {
  const pages = [
    ['home', '/'],
    ['search', '/search?q=Filippov'],
    ['document', `/documents/${encodeURIComponent(cableId)}`],
    ['person', '/people/stalin'],
    ['timeline', '/timeline'],
    ['timeline-month', '/timeline?year=1951&month=07'],
    ['correspondence', '/correspondence'],
  ] as const;
  for (const width of WIDTHS) {
    await withContext({ width, bypassCSP: true }, async (context) => {
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(`${baseUrl}${path}`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const results = await page.evaluate(() =>
          axe.run(globalThis, {
            resultTypes: ['violations'],
            runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
          }),
        );
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        assert.deepEqual(serious, [], `${name} at ${width}px`);
      }
    });
  }
});
