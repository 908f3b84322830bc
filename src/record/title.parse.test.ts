import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameInDescription, parseDocumentType, parseTitleParties } from './title.parse.ts';

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
    participants: [],
    numbers: [{ kind: 'cable', value: '21756' }],
  });
});

test('reads "X to Y" after the type', () => {
  assert.deepEqual(parseTitleParties('Hand-delivered letter, Filippov (Stalin) to Mao Zedong'), {
    authors: ['Filippov (Stalin)'],
    recipients: ['Mao Zedong'],
    intermediaries: [],
    participants: [],
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

test('reads a go-between the editor put in brackets after the author: "A [via C] to B"', () => {
  const parties = parseTitleParties('Cable, Mao Zedong [via Kovalev] to Stalin');
  assert.deepEqual(
    [parties.authors, parties.recipients, parties.intermediaries],
    [['Mao Zedong'], ['Stalin'], ['Kovalev']],
  );
});

test('reads the participants of a record or memorandum of conversation, not authors', () => {
  const record = parseTitleParties(
    "Record of Conversation between I.V. Stalin and Chairman of the Central People's Government of the People's Republic of China Mao Zedong on 16 December 1949",
  );
  assert.deepEqual(record.authors, []);
  assert.deepEqual(record.participants, [
    'I.V. Stalin',
    "Chairman of the Central People's Government of the People's Republic of China Mao Zedong",
  ]);
  const several = parseTitleParties(
    'Record of Conversation between Stalin and Zhou Enlai, Molotov and Li Fuchun',
  );
  assert.deepEqual(several.participants, ['Stalin', 'Zhou Enlai', 'Molotov', 'Li Fuchun']);
  const memo = parseTitleParties('Memorandum of Conversation between Anastas Mikoyan and Mao Zedong');
  assert.deepEqual(memo.participants, ['Anastas Mikoyan', 'Mao Zedong']);
  assert.equal(parseTitleParties('Record of a Conversation with Kim Il Sung').participants[0], 'Kim Il Sung');
});

test('reads the author of "A\'s Recollections of …", and the addressee only of a message', () => {
  const recollections = parseTitleParties('Anastas Mikoyan’s Recollections of his Trip to China');
  assert.deepEqual([recollections.authors, recollections.recipients], [['Anastas Mikoyan'], []]);
  const letter = parseTitleParties("Stalin's Letter to Mao Zedong");
  assert.deepEqual([letter.authors, letter.recipients], [['Stalin'], ['Mao Zedong']]);
});

test('reads the author of "Report from the Head of …, \'Title\'" up to the comma', () => {
  const parties = parseTitleParties(
    "Report from the Head of the Delegation of the CC of the Chinese Communist Party, 'The Current State of the Chinese Revolution'",
  );
  assert.deepEqual(parties.authors, ['the Head of the Delegation of the CC of the Chinese Communist Party']);
});

test('finds the person an office stands before, and leaves a body alone', () => {
  assert.equal(nameInDescription('Soviet Ambassador in China Apollon Petrov'), 'Apollon Petrov');
  assert.equal(
    nameInDescription(
      "Chairman of the Central People's Government of the People's Republic of China Mao Zedong",
      (f) => f === 'Mao Zedong',
    ),
    'Mao Zedong',
  );
  assert.equal(nameInDescription('Soviet Foreign Minister A. A. Gromyko'), 'A. A. Gromyko');
  assert.equal(
    nameInDescription('the Head of the Delegation of the CC of the Chinese Communist Party'),
    'Head of the Delegation of the CC of the Chinese Communist Party',
  );
  assert.equal(nameInDescription('Filippov [Stalin]'), 'Filippov [Stalin]');
});
