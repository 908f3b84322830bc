import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownParser } from './markdown.parser.ts';

const markdown = markdownParser();
const inlineTypes = (source: string) =>
  (markdown.parseInline(source, {})[0]?.children ?? []).map((t) => t.type).filter((t) => t !== 'text');

test("links, nested brackets in a link's text and reference links read as markdown-it reads them", () => {
  assert.deepEqual(inlineTypes('see [the cable](https://example.org/a) and [[nested] text](b)'), [
    'link_open',
    'link_close',
    'link_open',
    'link_close',
  ]);
  const withReference = markdown.parse('[the letter][l]\n\n[l]: https://example.org/l', {});
  assert.ok(withReference.some((t) => t.children?.some((c) => c.type === 'link_open')));
  // A link's text of 900 characters, and 30 brackets deep, are still links.
  assert.deepEqual(inlineTypes(`[${'x'.repeat(900)}](u)`), ['link_open', 'link_close']);
  assert.deepEqual(inlineTypes(`${'['.repeat(30)}x${']'.repeat(30)}(u)`), ['link_open', 'link_close']);
});

test("a link's text past 1,000 characters or 32 brackets deep is text, its words kept", () => {
  const long = `[${'x'.repeat(1_200)}](u)`;
  assert.deepEqual(inlineTypes(long), []);
  assert.equal(
    markdown
      .parseInline(long, {})[0]
      ?.children?.map((t) => t.content)
      .join(''),
    long,
  );
  assert.deepEqual(inlineTypes(`${'['.repeat(40)}x${']'.repeat(40)}(u)`), []);
  // The shape the fuzz found: every bracket stays text, and the words are all there.
  const shape = `${'['.repeat(2_000)}\n${'[a] '.repeat(10_000)}`;
  const tokens = markdown.parse(shape, {});
  const inline = tokens.find((t) => t.type === 'inline');
  assert.equal(inline?.children?.filter((t) => t.type === 'link_open').length, 0);
  assert.equal(
    inline?.children
      ?.map((t) => t.content)
      .join('')
      .split('[a]').length - 1,
    10_000,
  );
});
