import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from './query.parse.ts';
import { chineseNameAt } from './query.syllables.ts';
import type { QueryNode } from './query.types.ts';

function wordsOf(q: string): QueryNode[] {
  const node = parseQuery(q);
  return node.kind === 'and' ? node.children : [node];
}

test('a run of words the Chinese systems read as one name, from a word on', () => {
  assert.equal(chineseNameAt(wordsOf('Кан Шэн'), 0, 3), 2);
  assert.equal(chineseNameAt(wordsOf('Kang Sheng armistice'), 0, 3), 2);
  assert.equal(chineseNameAt(wordsOf('Мао Чжоу Громыко'), 0, 3), 2);
  // At most as many words as asked, and from the word asked.
  assert.equal(chineseNameAt(wordsOf('Чжоу Эньлай Лю Шаоци'), 0, 3), 3);
  assert.equal(chineseNameAt(wordsOf('Громыко Чжоу Эньлай'), 1, 3), 2);
  // One word, words no system reads as syllables, a Korean name, a field between: none.
  assert.equal(chineseNameAt(wordsOf('Кан'), 0, 3), 0);
  assert.equal(chineseNameAt(wordsOf('Gromyko Berlin'), 0, 3), 0);
  assert.equal(chineseNameAt(wordsOf('Ким Ир Сен'), 0, 3), 0);
  assert.equal(chineseNameAt(wordsOf('Кан type:telegram Шэн'), 0, 3), 0);
});
