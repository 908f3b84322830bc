import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorrespondenceEntry } from '../../src/store/store.types.ts';
import { ThreadList } from '../../src/web/correspondence.component.tsx';

/** A thread of `count` documents between two people, one a day from 1 March 1951. */
function thread(count: number) {
  const records: CorrespondenceEntry[] = Array.from({ length: count }, (_, k) => ({
    id: `doc-${k + 1}`,
    title: `Telegram ${k + 1}`,
    type: 'telegram',
    dateDisplay: `March ${k + 1}, 1951`,
    dateMin: `1951-03-${String(k + 1).padStart(2, '0')}`,
    authorIds: [k % 2 ? 'b' : 'a'],
    recipientIds: [k % 2 ? 'a' : 'b'],
  })) as CorrespondenceEntry[];
  return { a: { id: 'a', name: 'Dean Acheson' }, b: { id: 'b', name: 'Embassy in India' }, records };
}

const render = async (element: unknown) => String(await (element as { toString(): unknown }).toString());
const listed = (html: string) => [...html.matchAll(/<li[^>]*>.*?<\/li>/gs)].map((m) => m[0]);

test('on a document page, a long thread lists the documents around the one shown, and links to them all', async () => {
  const long = thread(30);
  const html = await render(<ThreadList thread={long} currentId="doc-15" around={5} />);
  assert.match(html, /30 documents between Dean Acheson and Embassy in India/);
  assert.match(html, /<a href="\/correspondence\?a=a&amp;b=b">All 30<\/a>/);
  const items = listed(html);
  assert.deepEqual(
    items.map((li) => /Telegram (\d+)/.exec(li)?.[1]),
    ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
  );
  assert.match(items[5] ?? '', /aria-current="page"/);
  assert.match(html, /<ol class="thread" start="10">/);

  // At either end, the eleven nearest the end.
  const first = listed(await render(<ThreadList thread={long} currentId="doc-2" around={5} />));
  assert.deepEqual([/Telegram (\d+)/.exec(first[0] ?? '')?.[1], first.length], ['1', 11]);
  const last = listed(await render(<ThreadList thread={long} currentId="doc-30" around={5} />));
  assert.deepEqual([/Telegram (\d+)/.exec(last.at(-1) ?? '')?.[1], last.length], ['30', 11]);

  // A short thread, or the thread page (no window), lists every document and needs no link.
  const short = await render(<ThreadList thread={thread(4)} currentId="doc-2" around={5} />);
  assert.equal(listed(short).length, 4);
  assert.doesNotMatch(short, />All 4</);
  assert.equal(listed(await render(<ThreadList thread={long} currentId="" />)).length, 30);
});
