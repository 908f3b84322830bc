import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentType, parseTitleParties } from './title.parse.ts';

const types: [string, string][] = [
  ['Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]', 'cable'],
  ['Hand-delivered letter, Filippov (Stalin) to Mao Zedong', 'letter'],
  ['Ciphered telegram, Filippov (Stalin) to Mao Zedong via Kovalev', 'ciphered-telegram'],
  ['Telegram from Roshchin to Filippov [Stalin]', 'telegram'],
  ['Record of Conversation between Stalin and Zhou Enlai', 'record-of-conversation'],
  ['Memorandum of Conversation, Acheson and Bevin', 'memorandum-of-conversation'],
  ['Memorandum, Molotov to Stalin', 'memorandum'],
  ['Resolution of the VKP(b) CC Politburo', 'resolution'],
  ['Report, Kim Il Sung to the Central Committee', 'report'],
  ['Minutes of the Politburo meeting', 'minutes'],
  ['Mao Zedong and Stalin, the Korean Question', 'other'],
];
for (const [title, type] of types) {
  test(`"${title}" is a ${type}`, () => assert.equal(parseDocumentType(title), type));
}

test('reads author, recipient and the cable number from an archive title', () => {
  assert.deepEqual(parseTitleParties('Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]'), {
    authors: ['Mao Zedong'],
    recipients: ['Cde. Filippov [Stalin]'],
    intermediaries: [],
    numbers: [{ kind: 'cable', value: '21756' }],
  });
});

test('reads "X to Y" after the type', () => {
  assert.deepEqual(parseTitleParties('Hand-delivered letter, Filippov (Stalin) to Mao Zedong'), {
    authors: ['Filippov (Stalin)'],
    recipients: ['Mao Zedong'],
    intermediaries: [],
    numbers: [],
  });
});

test('reads "via Z" and "to Y for Z" as intermediaries', () => {
  const via = parseTitleParties('Ciphered telegram, Filippov (Stalin) to Mao Zedong via Kovalev');
  assert.deepEqual([via.recipients, via.intermediaries], [['Mao Zedong'], ['Kovalev']]);
  const forWhom = parseTitleParties('Ciphered telegram, Filippov (Stalin) to Kovalev for Cde. Mao Zedong');
  assert.deepEqual([forWhom.recipients, forWhom.intermediaries], [['Cde. Mao Zedong'], ['Kovalev']]);
});

test('reads "from X to Y", several authors, and leaves a trailing description out', () => {
  const from = parseTitleParties('Letter from Mao Zedong and Zhou Enlai to Stalin, on the armistice talks');
  assert.deepEqual([from.authors, from.recipients], [['Mao Zedong', 'Zhou Enlai'], ['Stalin']]);
});

test('does not split inside brackets', () => {
  const parties = parseTitleParties(
    'Cable, Roshchin [for Zhou Enlai, to be conveyed] to Filippov [Stalin, I. V.]',
  );
  assert.deepEqual(
    [parties.authors, parties.recipients],
    [['Roshchin [for Zhou Enlai, to be conveyed]'], ['Filippov [Stalin, I. V.]']],
  );
});
