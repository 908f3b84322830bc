import type { Block, Mark, Note, Text, TextKind } from '../record/record.types.ts';
import { childElement, childElements, type XmlElement } from '../xml/xml.tree.ts';
import { readTeiId } from './tei.ids.ts';

/**
 * The texts of a Chancery TEI document back into the record's texts: each `<text>` of the group
 * with its `<ab>` blocks, the marks read from the inline elements at the offsets where they stand
 * in the block's text, and the notes from `<back>`. The inverse of tei-text.write.ts.
 *
 * @example readTeiTexts(textElement) // [{ id: 'original', kind: 'original', language: 'ru', blocks: […] }]
 */
export function readTeiTexts(outer: XmlElement | undefined): Text[] {
  const group = outer ? childElement(outer, 'group') : undefined;
  if (!group) return [];
  return childElements(group, 'text').map(readText);
}

function readText(element: XmlElement): Text {
  const id = element.attributes.n ?? '';
  const body = childElement(element, 'body');
  const blocks = body ? childElements(body, 'ab').map(readBlock) : [];
  const text: Text = {
    id,
    kind: (element.attributes.type ?? 'original') as TextKind,
    language: element.attributes['xml:lang'] ?? 'und',
    blocks,
  };
  const back = childElement(element, 'back');
  const notesDiv = back ? childElement(back, 'div', { type: 'notes' }) : undefined;
  if (notesDiv) text.notes = childElements(notesDiv, 'note').map(readNote);
  return text;
}

function readNote(element: XmlElement): Note {
  const target = element.attributes.target;
  return {
    id: idPart(element.attributes['xml:id'], 2),
    n: element.attributes.n ?? '',
    text: element.children.map((c) => (typeof c === 'string' ? c : '')).join(''),
    blockId: target ? idPart(target.slice(1), 2) : null,
  };
}

interface Open {
  mark: Mark;
  index: number;
}

function readBlock(element: XmlElement): Block {
  // The text is gathered in pieces and joined once, and the words of a range taken from it after:
  // a slice of a string still being appended to copies all of it, once per mark.
  const pieces: string[] = [];
  let length = 0;
  // Marks in the order their start was met: the order the record gave them.
  const marks: { mark: Mark; order: number }[] = [];
  const textless: Mark[] = [];
  // Milestone ranges not yet ended, by type, in the order they started (a queue: `first` is its head).
  const pending = new Map<string, { open: Open[]; first: number }>();
  let order = 0;
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        pieces.push(child);
        length += child.length;
        continue;
      }
      const a = child.attributes;
      const at = length;
      const point = (type: Mark['type'], extra: Partial<Mark> = {}) =>
        marks.push({ mark: { type, text: a.n ?? '', start: at, end: at, ...extra }, order: order++ });
      switch (child.name) {
        case 'pb':
          point(a.type === 'folio' ? 'folio' : 'page-break');
          break;
        case 'ptr':
          point('footnote-ref', a.target ? { ref: idPart(a.target.slice(1), 2) } : {});
          break;
        case 'milestone': {
          const type = (a.unit ?? 'editorial-note') as Mark['type'];
          if (a.type === 'start') {
            const open = { mark: { type, text: a.n ?? '', start: at, end: at }, index: order++ };
            marks.push({ mark: open.mark, order: open.index });
            const queue = pending.get(type) ?? { open: [], first: 0 };
            queue.open.push(open);
            pending.set(type, queue);
          } else if (a.type === 'end') {
            const queue = pending.get(type);
            const open = queue?.open[queue.first];
            if (queue && open) {
              open.mark.end = at;
              queue.first++;
            }
          } else {
            point(type);
          }
          break;
        }
        default: {
          const type = rangeType(child);
          const entry = { mark: { type, text: a.n ?? '', start: at, end: at } as Mark, order: order++ };
          marks.push(entry);
          walk(child);
          entry.mark.end = length;
          if (a.n === undefined) textless.push(entry.mark);
        }
      }
    }
  };
  walk(element);
  const text = pieces.join('');
  for (const mark of textless) mark.text = text.slice(mark.start, mark.end);
  return {
    id: element.attributes.n ?? '',
    type: (element.attributes.type ?? 'paragraph') as Block['type'],
    text,
    marks: marks.sort((x, y) => x.order - y.order).map((m) => m.mark),
  };
}

function rangeType(element: XmlElement): Mark['type'] {
  if (element.name === 'del') return 'deletion';
  if (element.name === 'add') return 'insertion';
  if (element.name === 'note') return 'editorial-note';
  if (element.name === 'seg' && element.attributes.type === 'signature') return 'signature';
  return (element.attributes.type ?? 'editorial-note') as Mark['type'];
}

/** A part of an id made by `teiId` ("b.original.b1" → part 2 is "b1"). */
export function idPart(id: string | undefined, index: number): string {
  return id ? (readTeiId(id).parts[index - 1] ?? '') : '';
}
