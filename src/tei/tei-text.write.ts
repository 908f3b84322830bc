import type { Block, Mark, Text } from '../record/record.types.ts';
import { attributesOf, escapeXml } from '../xml/xml.escape.ts';
import { teiId } from './tei.ids.ts';

/** Range marks and the TEI element each is written as. */
const RANGE_ELEMENTS: Partial<Record<Mark['type'], { name: string; attributes: Record<string, string> }>> = {
  deletion: { name: 'del', attributes: {} },
  insertion: { name: 'add', attributes: {} },
  'editorial-note': { name: 'note', attributes: { type: 'editorial', place: 'inline' } },
  signature: { name: 'seg', attributes: { type: 'signature' } },
};

/**
 * The record's texts as a TEI `<group>`: each text a `<text xml:lang type n>` whose blocks are
 * `<ab type n>` (the block's type and id), with the editorial marks inline — deletions as `<del>`,
 * insertions as `<add>`, editorial notes as `<note type="editorial">`, folio numbers and printed
 * pages as `<pb>`, footnote calls as `<ptr type="noteAnchor">` — and the notes in `<back>`. A
 * mark whose text differs from the words it covers ("[the above]" marked "the above") carries
 * its text in `@n`; marks that overlap without nesting are written as pairs of `<milestone>`.
 *
 * @example writeTeiTexts(record.texts, record.id) // '<text><group><text xml:id="t.da-1.original" xml:lang="ru" …'
 */
export function writeTeiTexts(texts: Text[], recordId: string): string {
  if (texts.length === 0) {
    // A TEI text needs a body; a record without texts has one empty paragraph, which no reader takes for a block.
    return '<text><body><p/></body></text>';
  }
  return `<text><group>${texts.map((text) => writeText(text, recordId)).join('\n')}</group></text>`;
}

function writeText(text: Text, recordId: string): string {
  const blocks = text.blocks.map((block) => writeBlock(text, block, recordId)).join('\n');
  const notes = text.notes
    ? `<back><div type="notes"${text.notes.length === 0 ? ' subtype="empty"' : ''}>${
        text.notes.length === 0
          ? '<p/>'
          : text.notes
              .map(
                (note) =>
                  `<note${attributesOf({
                    'xml:id': teiId('n', recordId, text.id, note.id),
                    n: note.n,
                    target: note.blockId === null ? null : `#${teiId('b', recordId, text.id, note.blockId)}`,
                  })}>${escapeXml(note.text)}</note>`,
              )
              .join('\n')
      }</div></back>`
    : '';
  return (
    `<text${attributesOf({ 'xml:id': teiId('t', recordId, text.id), 'xml:lang': text.language, type: text.kind, n: text.id })}>` +
    `<body>${blocks || '<p/>'}</body>${notes}</text>`
  );
}

interface Event {
  at: number;
  /** Closing tags sort before opening ones at the same offset, points between. */
  order: number;
  xml: string;
}

function writeBlock(text: Text, block: Block, recordId: string): string {
  const events: Event[] = [];
  const ranges = block.marks
    .map((mark, index) => ({ mark, index }))
    .filter(({ mark }) => mark.end > mark.start)
    .sort((a, b) => a.mark.start - b.mark.start || b.mark.end - a.mark.end || a.index - b.index);
  const open: Mark[] = [];
  for (const { mark } of ranges) {
    while (open.length > 0 && (open.at(-1) as Mark).end <= mark.start) open.pop();
    const parent = open.at(-1);
    const nests = !parent || mark.end <= parent.end;
    const covered = block.text.slice(mark.start, mark.end);
    const n = mark.text === covered ? null : mark.text;
    const element = RANGE_ELEMENTS[mark.type];
    if (nests && element) {
      events.push({
        at: mark.start,
        order: 2,
        xml: `<${element.name}${attributesOf({ ...element.attributes, n })}>`,
      });
      events.push({ at: mark.end, order: 0, xml: `</${element.name}>` });
      open.push(mark);
    } else {
      // A mark of a kind with no element, or one that overlaps another without nesting.
      events.push({
        at: mark.start,
        order: 2,
        xml: `<milestone${attributesOf({ unit: mark.type, type: 'start', n: mark.text })}/>`,
      });
      events.push({
        at: mark.end,
        order: 0,
        xml: `<milestone${attributesOf({ unit: mark.type, type: 'end' })}/>`,
      });
    }
  }
  for (const mark of block.marks) {
    if (mark.end > mark.start) continue;
    events.push({ at: mark.start, order: 1, xml: pointMark(text, mark, recordId) });
  }
  // A stable sort keeps marks at one offset in the order they were pushed: the order of the record.
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  let xml = '';
  let offset = 0;
  for (const event of events) {
    xml += escapeXml(block.text.slice(offset, event.at)) + event.xml;
    offset = event.at;
  }
  xml += escapeXml(block.text.slice(offset));
  return `<ab${attributesOf({ 'xml:id': teiId('b', recordId, text.id, block.id), type: block.type, n: block.id })}>${xml}</ab>`;
}

function pointMark(text: Text, mark: Mark, recordId: string): string {
  switch (mark.type) {
    case 'folio':
      return `<pb${attributesOf({ type: 'folio', n: mark.text })}/>`;
    case 'page-break':
      return `<pb${attributesOf({ n: mark.text })}/>`;
    case 'footnote-ref':
      return `<ptr${attributesOf({
        type: 'noteAnchor',
        target: mark.ref === undefined ? null : `#${teiId('n', recordId, text.id, mark.ref)}`,
        n: mark.text,
      })}/>`;
    default:
      return `<milestone${attributesOf({ unit: mark.type, type: 'point', n: mark.text })}/>`;
  }
}
