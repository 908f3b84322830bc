import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { AuthorityIndex } from '../../src/names/authority.index.ts';
import { loadAuthorities } from '../../src/names/authority.loader.ts';
import type { ChanceryRecord } from '../../src/record/record.types.ts';
import type { SearchIndex } from '../../src/search/search-index.types.ts';
import { openSqliteArchive } from '../../src/store/sqlite/sqlite.store.ts';
import type { Store } from '../../src/store/store.types.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { makeLetterRecord } from '../fixtures/letter.fixture.ts';
import { makeRecord } from '../support/record.fixture.ts';

const authorities = new AuthorityIndex(loadAuthorities());

/** A fresh `:memory:` store holding the given records, and the reading room over it. */
async function withWeb(
  records: ChanceryRecord[],
  body: (web: ReturnType<typeof createWebApp>, store: Store, search: SearchIndex) => Promise<void>,
): Promise<void> {
  const { store, search } = openSqliteArchive(':memory:');
  try {
    for (const record of records) await store.saveRecord(record);
    await body(createWebApp({ store, search, authorities }), store, search);
  } finally {
    await search.close();
    await store.close();
  }
}

async function getHtml(web: ReturnType<typeof createWebApp>, path: string, status = 200): Promise<string> {
  const response = await web.request(path);
  assert.equal(response.status, status, `GET ${path}`);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/i);
  return response.text();
}

/** The markup of one `<section id="…">` of a page, up to the next section of the same level. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  assert.ok(start >= 0, `section #${id} is on the page`);
  const next = html.indexOf('<section id="', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern, 'g'))?.length ?? 0;
}

test('the home page says what the archive holds and lists the documents in date order', async () => {
  const later = makeLetterRecord();
  const earlier = makeRecord({
    id: 'cable-1',
    title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
  });
  await withWeb([later, earlier], async (web) => {
    const html = await getHtml(web, '/');
    assert.match(html, /^<!DOCTYPE html><html lang="en">/);
    assert.equal(count(html, /<h1[ >]/), 1);
    assert.match(html, /The archive holds 2 documents/);
    assert.match(html, /Letter <span class="count">1<\/span>/);
    assert.match(html, /Russian <span class="count">2<\/span>/);
    const cable = html.indexOf('href="/documents/cable-1"');
    const letter = html.indexOf('href="/documents/letter-1"');
    assert.ok(cable > 0 && letter > cable, 'the 1950 cable comes before the 1952 letter');
    assert.match(
      html,
      /<time datetime="1952-09-17">September 17, 1952<\/time><span>Letter<\/span><span>Russian<\/span>/,
    );
  });
});

test('an empty archive says how to fill it', async () => {
  await withWeb([], async (web) => {
    const html = await getHtml(web, '/');
    assert.match(html, /holds no documents yet/);
    assert.match(html, /chancery ingest/);
  });
});

test('the document page shows every part of the record, under one h1 and a skip link', async () => {
  await withWeb([makeLetterRecord()], async (web) => {
    const html = await getHtml(web, '/documents/letter-1');
    assert.equal(count(html, /<h1[ >]/), 1);
    assert.match(html, /<h1>Hand-delivered letter, Filippov \(Stalin\) to Mao Zedong<\/h1>/);
    assert.match(html, /<a class="skip-link" href="#main">/);
    assert.match(html, /<main id="main"/);
    for (const landmark of ['<header', '<nav', '<main', '<footer'])
      assert.ok(html.includes(landmark), landmark);

    const about = section(html, 'about');
    assert.match(about, /<time datetime="1952-09-17">September 17, 1952<\/time>.*\(ISO 1952-09-17\)/);
    assert.match(
      about,
      /<dt>Author<\/dt><dd><a class="agent" href="\/people\/stalin" data-person-id="stalin">Filippov \[Stalin\]<\/a>/,
    );
    assert.match(
      about,
      /<dt>Recipient<\/dt><dd><a class="agent" href="\/people\/mao-zedong" data-person-id="mao-zedong">Mao Zedong</,
    );
    assert.match(about, /<dt>Via<\/dt><dd><span class="agent">Ivan Kovalev</);
    assert.match(about, /Outgoing No\. 3511/);
    assert.match(html, /<p class="summary">Letter from Stalin to Mao/);

    const locations = section(html, 'locations');
    assert.equal(count(locations, /<li class="location">/), 3);
    assert.match(locations, /<p class="location-raw">AVP RF, f\. 059a, op\. 5a, d\. 5, p\. 11, l\. 99<\/p>/);
    assert.match(locations, /<dt>Papka \(folder\)<\/dt><dd>11<\/dd>/);
    assert.match(locations, /<dt>Folios<\/dt><dd>97–104<\/dd>/);
    assert.match(
      section(html, 'citation'),
      /“Hand-delivered letter.*,” September 17, 1952, APRF, f\. 45.*Wilson Center Digital Archive/,
    );

    assert.match(
      section(html, 'credits'),
      /<dt>Translated by<\/dt><dd class="credit credit-translator">Gary Goldberg/,
    );
    assert.match(section(html, 'credits'), /welcomes reuse of Digital Archive materials/);
    const source = section(html, 'source');
    assert.match(source, /004_4e4ece4df42afde7\.txt/);
    assert.match(source, /b{64}/);
    assert.match(source, /href="\/documents\/letter-1\/source"/);
    assert.match(source, /<dd>113644<\/dd>/);
  });
});

test('each text has its own section named by kind and language, and every block carries lang and an anchor', async () => {
  const record = makeLetterRecord();
  await withWeb([record], async (web) => {
    const html = await getHtml(web, '/documents/letter-1');
    assert.match(html, /<h2 id="text-original-heading">Original \(Russian\)<\/h2>/);
    assert.match(html, /<h2 id="text-draft-heading">Draft \(Russian\)<\/h2>/);
    assert.match(html, /<h2 id="text-translation-en-heading">Translation \(English\)<\/h2>/);
    for (const text of record.texts) {
      for (const block of text.blocks) {
        assert.match(
          html,
          new RegExp(`id="${text.id}-${block.id}" lang="${text.language}"`),
          `${text.id}/${block.id}`,
        );
      }
    }
    assert.match(html, /<li id="original-b3" lang="ru" class="block block-list-item">1\. Немедленное/);
    assert.match(
      html,
      /<sup class="note-call"><a id="original-noteref-n1" href="#original-note-n1">1<\/a><\/sup>/,
    );
    assert.match(
      html,
      /<li id="original-note-n1" lang="ru"><span class="note-number">1<\/span> Мексиканское/,
    );
    assert.match(html, /<span class="editorial">\[Stalin&#39;s handwritten draft is attached\.\]<\/span>/);
  });
});

test('the draft shows deletions struck through, insertions raised and folios as page markers', async () => {
  await withWeb([makeLetterRecord()], async (web) => {
    const html = await getHtml(web, '/documents/letter-1');
    const draft = section(html, 'text-draft');
    const body = draft.slice(draft.indexOf('<div class="text-body"'));
    assert.equal(count(body, /<del>/), 3);
    assert.equal(count(body, /<ins><sup>/), 2);
    assert.match(body, /Мы сошлись с <ins><sup>Диланом, Магом, Узе-Дуна<\/sup><\/ins> Ким, <del>еще<\/del>/);
    assert.match(body, /наряду с <ins><sup>совсем<\/sup><\/ins><del>всех<\/del>/);
    assert.match(
      body,
      /<span class="page-marker page-marker-folio" lang="en"><span class="visually-hidden">Folio <\/span>98<\/span><del>Самостоятельно<\/del>/,
    );
    assert.match(draft, /class="draft-key"/);
  });
});

test('handling events form a timeline with machine-readable times', async () => {
  await withWeb([makeLetterRecord()], async (web) => {
    const handling = section(await getHtml(web, '/documents/letter-1'), 'handling');
    assert.match(handling, /<ol class="timeline">/);
    assert.match(handling, /<time datetime="1952-09-17T15:00">17 September 1952, 15:00<\/time>/);
    assert.match(handling, /<strong>Received<\/strong> from Moscow/);
    assert.match(handling, /<strong>Printed<\/strong> by Kornyushina, No\. 1675/);
  });
});

test('the original file is served byte for byte with its type, and the record as canonical JSON', async () => {
  const bytes = Buffer.from('## September 17, 1952\n\n### Hand-delivered letter\n', 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const record = makeLetterRecord({ source: { ...makeLetterRecord().source, sha256 } });
  await withWeb([record], async (web, store) => {
    await store.saveSource({ sha256, fileName: record.source.file, format: record.source.format, bytes });
    const response = await web.request('/documents/letter-1/source');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="004_4e4ece4df42afde7\.txt"/,
    );
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);

    const json = await web.request('/documents/letter-1.json');
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await json.json(), await store.getRecord('letter-1'));
  });
});

test('an unknown document is a 404 page that names the id and leads back to the list', async () => {
  await withWeb([makeLetterRecord()], async (web) => {
    const html = await getHtml(web, '/documents/no-such-id', 404);
    assert.equal(count(html, /<h1[ >]/), 1);
    assert.match(html, /<h1>Document not found<\/h1>/);
    assert.match(html, /no document with the id <code>no-such-id<\/code>/);
    assert.match(html, /<a href="\/">See every document the archive holds<\/a>/);
    await getHtml(web, '/documents/no-such-id.json', 404);
    await getHtml(web, '/documents/no-such-id/source', 404);
    await getHtml(web, '/no/such/page', 404);
    await getHtml(web, '/?page=9', 404);
    // A malformed page is a bad request (one page parser for api, web and cli), not a missing page.
    await getHtml(web, '/?page=abc', 400);
    const escapedId = await getHtml(
      web,
      `/documents/${encodeURIComponent('<script>alert(1)</script>')}`,
      404,
    );
    assert.ok(!escapedId.includes('<script>'));
    assert.match(escapedId, /<code>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/code>/);
  });
});

test('record content is escaped everywhere: a title, alias, text or URL with markup stays text', async () => {
  const hostile = makeLetterRecord({
    id: 'hostile',
    title: '<script>alert("title")</script> & co',
    summary: '<img src=x onerror=alert(1)>',
    authors: [
      {
        name: 'Joseph Stalin',
        alias: '<b>Filippov</b>',
        personId: 'stalin',
        raw: '<b>Filippov</b> [Stalin]',
      },
    ],
    archivalLocations: [{ repository: 'RGASPI"><script>', raw: '<script>location</script>' }],
    texts: [
      {
        id: 'original" onmouseover="alert(1)',
        kind: 'original',
        language: 'ru"><script>',
        blocks: [
          {
            id: 'b1',
            type: 'paragraph',
            text: '<script>alert("block")</script>',
            marks: [{ type: 'deletion', text: '<script>', start: 0, end: 8 }],
          },
        ],
      },
    ],
    source: { ...makeLetterRecord().source, url: 'javascript:alert(1)', file: '"><script>.txt' },
  });
  await withWeb([hostile], async (web) => {
    for (const path of ['/', '/documents/hostile']) {
      // The reading room's own enhancement scripts (external, from /static/) are the only scripts allowed.
      const html = (await getHtml(web, path)).replace(
        /<script src="\/static\/[\w.-]+\.js" defer=""><\/script>/g,
        '',
      );
      assert.ok(!/<script/i.test(html), `${path}: no script element`);
      assert.ok(!/<img/i.test(html), `${path}: no img element`);
      assert.ok(!/<b>/i.test(html), `${path}: no b element`);
      assert.ok(!/\sonmouseover="/i.test(html), `${path}: no event handler attribute`);
      assert.match(html, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt; &amp; co/);
    }
    const page = await getHtml(web, '/documents/hostile');
    assert.match(page, /<del>&lt;script&gt;<\/del>alert\(&quot;block&quot;\)&lt;\/script&gt;/);
    assert.ok(!page.includes('href="javascript:'), 'a javascript: URL is not linked');
    assert.match(page, /javascript:alert\(1\)/);
  });
});

test('pages carry a content security policy and the stylesheet is served', async () => {
  await withWeb([], async (web) => {
    const page = await web.request('/');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const css = await web.request('/static/chancery.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await css.text(), /Noto Sans CJK/);
  });
});

test('a fault of the store is a 500 page that keeps the details in the log', async (t) => {
  const logged = t.mock.method(console, 'error', () => {});
  await withWeb([makeLetterRecord()], async (_web, store, search) => {
    const failing: Store = Object.create(store);
    failing.getRecordWithPublication = async () => {
      throw new Error('disk on fire');
    };
    const web = createWebApp({ store: failing, search, authorities });
    const html = await getHtml(web, '/documents/letter-1', 500);
    assert.match(html, /<h1>Something went wrong<\/h1>/);
    assert.ok(!html.includes('disk on fire'));
    assert.equal(logged.mock.callCount(), 1);
  });
});
