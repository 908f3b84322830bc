import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Text } from '../record/record.types.ts';
import { textSimilarity } from './text.similarity.ts';

const text = (...blocks: string[]): Text => ({
  id: 'original',
  kind: 'original',
  language: 'ru',
  blocks: blocks.map((t, i) => ({ id: `b${i + 1}`, type: 'paragraph', text: t, marks: [] })),
});

test('two copies that differ in punctuation, case and paragraph breaks are alike', () => {
  const a = text('Мы согласны с Вашей оценкой. Американцы затягивают переговоры.');
  const b = text('мы согласны с вашей оценкой', 'Американцы затягивают переговоры!');
  assert.equal(textSimilarity(a, b), 1);
});

test('one word changed lowers the score a little; another text scores low', () => {
  const a = text('Мы согласны с Вашей оценкой положения на переговорах в Кэсоне и предлагаем настаивать.');
  const b = text('Мы согласны с Вашей оценкой положения на переговорах в Кэсоне и предлагаем настоять.');
  const c = text('Прошу Вас после изучения дать свои указания.');
  assert.ok(textSimilarity(a, b) > 0.9 && textSimilarity(a, b) < 1);
  assert.ok(textSimilarity(a, c) < 0.1);
  assert.equal(textSimilarity(text(), text()), 0);
});
