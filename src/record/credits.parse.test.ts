import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCredits, parseRights } from './credits.parse.ts';

test('reads the translator from "Translated by" in a citation', () => {
  assert.deepEqual(
    parseCredits('RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045. Translated by Gary Goldberg.'),
    [{ role: 'translator', name: 'Gary Goldberg' }],
  );
});

test('keeps initials and splits several names', () => {
  assert.deepEqual(parseCredits('Translated by Gary F. Goldberg and Sergey Radchenko. Obtained by CWIHP.'), [
    { role: 'translator', name: 'Gary F. Goldberg' },
    { role: 'translator', name: 'Sergey Radchenko' },
    { role: 'contributor', name: 'CWIHP' },
  ]);
});

test('reads the funder of "made possible with support from"', () => {
  assert.deepEqual(parseCredits('This document was made possible with support from Leon Levy Foundation'), [
    { role: 'funder', name: 'Leon Levy Foundation' },
  ]);
  assert.deepEqual(
    parseCredits('This document was made possible with support from the Leon Levy Foundation.'),
    [{ role: 'funder', name: 'Leon Levy Foundation' }],
  );
});

test('reads the rights statement up to the contact sentence and no further', () => {
  const text = [
    'The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes.',
    '',
    "To enquire about this document's rights status or request permission for commercial use, please contact the History and Public Policy Program at",
    'Original Uploaded Date',
  ].join('\n');
  const rights = parseRights(text);
  assert.ok(rights?.startsWith('The History and Public Policy Program welcomes reuse'));
  assert.ok(rights?.endsWith('please contact the History and Public Policy Program at'));
  assert.equal(parseRights('Translated by Gary Goldberg.'), null);
  // The statement begins with its sentence, after the last full stop or line break before it.
  assert.equal(
    parseRights('Filed twice. The Program welcomes reuse of these materials.\nNext'),
    'The Program welcomes reuse of these materials. Next',
  );
});
