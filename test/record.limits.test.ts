import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overLimit, RECORD_LIMITS } from '../src/record/record.limits.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { validateRecord } from '../src/record/record.validate.ts';
import { makeRecord } from './support/record.fixture.ts';

const block = (marks: number, chars = 10) => ({
  id: 'b1',
  type: 'paragraph',
  text: 'x'.repeat(chars),
  marks: Array.from({ length: marks }, () => ({ type: 'editorial-note', text: 'a', start: 0, end: 1 })),
});
const record = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  texts: [{ id: 'original', kind: 'original', language: 'ru', blocks }],
  ...extra,
});

test('names the first limit a record breaks, in the words of the record schema', () => {
  assert.equal(overLimit(record([block(3)])), null);
  assert.equal(
    overLimit(record([block(0), block(RECORD_LIMITS.marks + 1)])),
    'texts[0].blocks[1].marks: 100,001 entries, more than the limit of 100,000 (README, "Limits")',
  );
  assert.equal(
    overLimit(record([block(0, RECORD_LIMITS.blockChars + 1)])),
    'texts[0].blocks[0].text: 5,000,001 characters, more than the limit of 5,000,000 (README, "Limits")',
  );
  assert.match(
    overLimit(record([], { mentions: new Array(RECORD_LIMITS.listItems + 1).fill({}) })) ?? '',
    /^mentions: 100,001 entries, more than the limit of 100,000/,
  );
  // A long title is no block: only blocks are held to the block limit.
  assert.equal(overLimit(record([], { title: 'x'.repeat(RECORD_LIMITS.blockChars + 1) })), null);
});

test('says what the record schema says of the same record', () => {
  const tooMany = makeRecord({
    texts: record([block(RECORD_LIMITS.marks + 1)]).texts as ChanceryRecord['texts'],
  });
  assert.throws(
    () => validateRecord(tooMany, 'r'),
    (error: Error) => error.message.includes(overLimit(tooMany) as string),
  );
});
