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

test("the marks' texts of a block, together, have a limit: nested marks would make the record's JSON quadratic", () => {
  const text = 'x'.repeat(1_000);
  // 12,000 insertions nested in one another, each covering what the one outside it covers less two characters.
  const nested = Array.from({ length: 12_000 }, (_, k) => ({
    type: 'insertion',
    text: 'x'.repeat(Math.max(0, 1_000 - (k % 500) * 2)),
    start: k % 500,
    end: 1_000 - (k % 500),
  }));
  const broken = {
    texts: [
      {
        id: 'original',
        kind: 'original',
        language: 'ru',
        blocks: [{ id: 'b1', type: 'paragraph', text, marks: nested }],
      },
    ],
  };
  const message = overLimit(broken);
  assert.match(
    message ?? '',
    /^texts\[0\]\.blocks\[0\]\.marks: [\d,]+ characters in the texts of its marks, more than the limit of 5,000,000/,
  );
  const record = makeRecord({ texts: broken.texts as ChanceryRecord['texts'] });
  assert.throws(
    () => validateRecord(record, 'r'),
    (error: Error) =>
      error.message.includes((message ?? '').replace(/^texts\[0\]\.blocks\[0\]\.marks: /, '')),
  );
});
