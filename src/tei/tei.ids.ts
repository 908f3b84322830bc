/**
 * `xml:id`s for a record's texts, blocks and notes, unique across a corpus of records: the kind,
 * the record's id, then the text's (and the block's or note's). An id must be an XML name, and the
 * record's own ids may hold any character: the parts are joined by "."; in each part a character
 * outside `[A-Za-z0-9-]` is written `_xHHHH_`, which reads back to exactly the id it came from.
 *
 * @example teiId('b', 'da-1', 'translation-en', 'b1') // 'b.da-1.translation-en.b1'
 * @example readTeiId('b.da-1.x_x0020_y.b1') // { kind: 'b', parts: ['x y', 'b1'] }
 */
export function teiId(kind: 't' | 'b' | 'n', record: string, ...parts: string[]): string {
  return [kind, record, ...parts].map((part, i) => (i === 0 ? part : encodePart(part))).join('.');
}

/** The kind and the decoded parts of an id `teiId` made, the record's id left out. */
export function readTeiId(id: string): { kind: string; parts: string[] } {
  const [kind = '', , ...parts] = id.split('.');
  return { kind, parts: parts.map(decodePart) };
}

function encodePart(part: string): string {
  return part.replace(
    /[^A-Za-z0-9-]/gu,
    (ch) => `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}_`,
  );
}

function decodePart(part: string): string {
  return part.replace(/_x([0-9a-f]{4,6})_/gu, (_m, hex: string) =>
    String.fromCodePoint(Number.parseInt(hex, 16)),
  );
}
