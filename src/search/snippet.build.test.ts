import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeNameForms, analyzePhrase } from './query/query.terms.ts';
import { buildSnippet, type SnippetSource } from './snippet.build.ts';

const source = (blocks: string[], language = 'en', summary: string | null = null): SnippetSource =>
  ({
    summary,
    texts: [{ language, blocks: blocks.map((text, i) => ({ id: `b${i + 1}`, text })) }],
  }) as unknown as SnippetSource;

test('the block with the most distinct query words is shown, its words marked', () => {
  const snippet = buildSnippet(
    source([
      'The armistice was discussed at length.',
      'Negotiations on the armistice resumed at Kaesong in July.',
      'Kaesong was quiet.',
    ]),
    [analyzePhrase('armistice'), analyzePhrase('Kaesong')],
  );
  assert.equal(
    snippet,
    'Negotiations on the <mark>armistice</mark> resumed at <mark>Kaesong</mark> in July.',
  );
});

test('of blocks with as many words, the earlier one is shown', () => {
  const snippet = buildSnippet(source(['Stalin wrote first.', 'Stalin wrote again.']), [
    analyzePhrase('Stalin'),
  ]);
  assert.equal(snippet, '<mark>Stalin</mark> wrote first.');
});

test('a spelling inside another word is no match: the block that writes the name is shown', () => {
  // "Khru Shchev" is one of the spellings a query for Хрущёв expands to; "shchev" is inside
  // "Khrushchev" but starts no word of it.
  const sequences = analyzeNameForms([
    { form: 'Khrushchev', language: 'und' },
    { form: 'Khru Shchev', language: 'und' },
  ]);
  const snippet = buildSnippet(
    source(['Khrushchev spoke at noon.', 'Later that day Khru Shchev and Khrushchev met.']),
    sequences,
  );
  assert.match(
    snippet,
    /^Later that day <mark>Khru<\/mark> <mark>Shchev<\/mark> and <mark>Khrushchev<\/mark>/,
  );
});

test('names in Chinese characters match without spaces around them', () => {
  const snippet = buildSnippet(source(['会谈记录。', '毛泽东同志致电周恩来同志。'], 'zh'), [
    analyzePhrase('周恩来'),
  ]);
  assert.equal(snippet, '毛泽东同志致电<mark>周恩来</mark>同志。');
});

test('text is escaped, and without a matching block the summary stands in', () => {
  assert.equal(
    buildSnippet(source(['<img src=x onerror=alert(1)> Kaesong']), [analyzePhrase('Kaesong')]),
    '&#60;img src=x onerror=alert(1)&#62; <mark>Kaesong</mark>',
  );
  assert.equal(
    buildSnippet(source(['Nothing here.'], 'en', 'A cable on <Kaesong>.'), [analyzePhrase('Panmunjom')]),
    'A cable on &#60;Kaesong&#62;.',
  );
});
