import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, dominantScript, languageFromName, scriptOfLanguage } from './language.detect.ts';

test('tells languages by script and by their short words', () => {
  assert.equal(detectLanguage('Что касается переговоров о прекращении военных действий в Корее'), 'ru');
  assert.equal(detectLanguage('Мы сошлись с Вами, що це не так, і ми не будемо'), 'uk');
  assert.equal(detectLanguage('We agree with you that the proposal of the Mexicans is unacceptable'), 'en');
  assert.equal(
    detectLanguage('Wir sind mit Ihnen einverstanden, dass der Vorschlag nicht annehmbar ist'),
    'de',
  );
  assert.equal(detectLanguage('毛泽东同志'), 'zh');
  assert.equal(detectLanguage('김일성 동지에게'), 'ko');
  assert.equal(detectLanguage('スターリン同志へ'), 'ja');
});

test('says nothing for text too short or with no function words', () => {
  assert.equal(detectLanguage('98'), null);
  assert.equal(detectLanguage('Nº 3511'), null);
  assert.equal(detectLanguage('FILIPPOV [Stalin]'), null);
});

test('maps language names to ISO 639-1 codes', () => {
  assert.equal(languageFromName('Russian'), 'ru');
  assert.equal(languageFromName('Chinese (Simplified)'), 'zh');
  assert.equal(languageFromName('Klingon'), null);
});

test('names the script of a text and of a language', () => {
  assert.equal(dominantScript('CABLE Nº 21756'), 'Latin');
  assert.equal(dominantScript('17 сентября 1952г.'), 'Cyrillic');
  assert.equal(dominantScript('1952'), null);
  assert.equal(scriptOfLanguage('ru'), 'Cyrillic');
  assert.equal(scriptOfLanguage('en'), 'Latin');
});
