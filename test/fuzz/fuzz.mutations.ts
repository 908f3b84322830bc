import fc from 'fast-check';

/**
 * Mutations of an input's bytes, as fast-check arbitraries: each is drawn with its parameters, so a
 * failing case shrinks to the smallest flip, cut or insertion that still fails, and prints as
 * what was done (`describe`).
 */
export interface Mutation {
  kind: string;
  describe: string;
  apply(bytes: Buffer): Buffer;
}

/**
 * How big the mutations that grow an input may get: deepest nesting, longest inserted line, most
 * inserted lines. `npm test` keeps them modest (each case a few milliseconds); `npm run fuzz` goes
 * further; bench/pathological.ts runs the full sizes of issue 16 one at a time.
 */
export interface MutationScale {
  depth: number;
  lineChars: number;
  lines: number;
}

export const TEST_SCALE: MutationScale = { depth: 2_000, lineChars: 30_000, lines: 1_000 };
export const FUZZ_SCALE: MutationScale = { depth: 100_000, lineChars: 1_000_000, lines: 50_000 };

/** A place in the input, as a fraction of its length: shrinks towards the start. */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

const at = (bytes: Buffer, where: number) => Math.floor(where * bytes.length);

function insert(bytes: Buffer, where: number, piece: Buffer | string): Buffer {
  return insertAt(bytes, at(bytes, where), piece);
}

function insertAt(bytes: Buffer, i: number, piece: Buffer | string): Buffer {
  return Buffer.concat([bytes.subarray(0, i), Buffer.from(piece), bytes.subarray(i)]);
}

/** Markup of every format Chancery reads, put where it does not belong. */
const MARKUP = [
  '<',
  '>',
  '</div>',
  '<div type="document">',
  '<p>',
  '</p>',
  '<hi rend="italic">',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '&nbsp;',
  '&undefined;',
  '"',
  "'",
  '**',
  '~~',
  '<sup>',
  '</sup>',
  '[',
  ']',
  '[signature]',
  '[x]: http://example.org/x "t"',
  '\n#### Citation:\n',
  '\n#### Contents:\n',
  '\nSummary:\n',
  '\nOriginal Language:\n',
  '\nDocument Information\n',
  '\nRecord ID\n',
  '\f',
  '\r',
  '\u2028',
  '\uFEFF',
  '\u202E',
  '{',
  '}',
  '[]',
  '{}',
  'null',
  '"texts":',
  '\\u0000',
  '\\ud800',
  '\n\n\n',
  '    ',
  '\t',
  'Nº',
  '1.',
  '- ',
  '> ',
  '```',
  '|',
];

/** Byte sequences that are not UTF-8: a lone lead, a lone continuation, an overlong form, a surrogate, past U+10FFFF. */
const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf0, 0x28, 0x8c, 0x28],
];

/** Openers and closers that nest, in the syntax of each format; a deep nesting may be left unclosed. */
const NESTING: [string, string][] = [
  ['<hi>', '</hi>'],
  ['<div type="chapter">', '</div>'],
  ['<note>', '</note>'],
  ['<list><item>', '</item></list>'],
  ['[', ']'],
  ['(', ')'],
  ['~~', '~~'],
  ['<sup>', '</sup>'],
  ['> ', ''],
  ['  - ', ''],
  ['*', '*'],
  ['{"a":', '}'],
  ['[', ']'],
  ['<b>', '</b>'],
];

/** Lines a real page has many of, and lines no page has: service notes, folios, blanks, list items. */
const LINES = [
  'Copy Nº 3',
  'Printed by Kornyushina 16:45 13 July',
  'Deciphered by Sudev 1615 13 July',
  'from [BEIJING] received 1500 13 July 1951',
  '98',
  '',
  ' ',
  '- item',
  '1. point',
  '[signature]',
  '~~struck~~ <sup>added</sup>',
  'Товарищ Филиппов! Что касается переговоров о прекращении военных действий.',
  'We agree with you that the proposal of the Mexicans is unacceptable.',
  '毛泽东 斯大林 開城',
  'Page 3 of 9',
  'Citation:',
  '<p>paragraph</p>',
  '{"id": "x"}',
];

/** The "billion laughs": ten entities of ten references each, nine levels deep. */
const ENTITY_BOMB = `<!DOCTYPE TEI [
<!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>`;
const EXTERNAL_ENTITY = `<!DOCTYPE TEI [
<!ENTITY xxe SYSTEM "file:///etc/passwd">
<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
%remote;
]>`;

function mutation(kind: string, describe: string, apply: (bytes: Buffer) => Buffer): Mutation {
  return { kind, describe, apply };
}

/** After the XML declaration, where a document type declaration goes; the start when there is none. */
function afterDeclaration(bytes: Buffer): number {
  const text = bytes.subarray(0, 200).toString('latin1');
  const end = text.startsWith('<?xml') ? text.indexOf('?>') : -1;
  return end < 0 ? 0 : end + 2;
}

/** What a format is written in, for which mutations mean most: pages are text, records JSON, editions XML. */
export type Family = 'page' | 'json' | 'xml';

/** Every kind of mutation, at the given scale, those of the format's family drawn more often. */
export function mutationArbitrary(scale: MutationScale, family: Family): fc.Arbitrary<Mutation> {
  const byteFlips = fc
    .array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 24 })
    .map((flips) =>
      mutation(
        'byte-flips',
        `bytes set: ${flips.map(([p, b]) => `${p.toFixed(4)}=${b}`).join(', ')}`,
        (bytes) => {
          const out = Buffer.from(bytes);
          for (const [p, b] of flips) if (out.length > 0) out[at(out, p)] = b;
          return out;
        },
      ),
    );
  const truncation = position.map((p) =>
    mutation('truncation', `cut at ${p.toFixed(4)}`, (bytes) => bytes.subarray(0, at(bytes, p))),
  );
  const markup = fc
    .array(fc.tuple(position, fc.constantFrom(...MARKUP)), { minLength: 1, maxLength: 12 })
    .map((pieces) =>
      mutation(
        'markup',
        `inserted ${pieces.map(([p, m]) => `${JSON.stringify(m)}@${p.toFixed(4)}`).join(', ')}`,
        (bytes) => pieces.reduce((out, [p, m]) => insert(out, p, m), bytes),
      ),
    );
  const invalidUtf8 = fc
    .array(fc.tuple(position, fc.constantFrom(...INVALID_UTF8)), { minLength: 1, maxLength: 8 })
    .map((pieces) =>
      mutation(
        'invalid-utf8',
        `inserted ${pieces.map(([p, s]) => `${s.join(' ')}@${p.toFixed(4)}`).join(', ')}`,
        (bytes) => pieces.reduce((out, [p, s]) => insert(out, p, Buffer.from(s)), bytes),
      ),
    );
  const nuls = fc
    .tuple(position, fc.integer({ min: 1, max: 64 }), fc.constantFrom('\0', '\\u0000', '&#0;', '&#x0;'))
    .map(([p, n, nul]) =>
      mutation('nul', `${n} × ${JSON.stringify(nul)}@${p.toFixed(4)}`, (bytes) =>
        insert(bytes, p, nul.repeat(n)),
      ),
    );
  const nesting = fc
    .tuple(position, fc.constantFrom(...NESTING), fc.integer({ min: 2, max: scale.depth }), fc.boolean())
    .map(([p, [open, close], depth, closed]) =>
      mutation(
        'deep-nesting',
        `${depth} × ${JSON.stringify(open)}${closed ? ' closed' : ''}@${p.toFixed(4)}`,
        (bytes) => insert(bytes, p, open.repeat(depth) + (closed ? close.repeat(depth) : '')),
      ),
    );
  const entityBomb = position.map((p) =>
    mutation('entity-bomb', `billion laughs, referenced @${p.toFixed(4)}`, (bytes) => {
      const withRef = insert(bytes, p, '&lol9;');
      return insertAt(withRef, afterDeclaration(withRef), `\n${ENTITY_BOMB}\n`);
    }),
  );
  const externalEntity = position.map((p) =>
    mutation('external-entity', `external entities, referenced @${p.toFixed(4)}`, (bytes) => {
      const withRef = insert(bytes, p, '&xxe;');
      return insertAt(withRef, afterDeclaration(withRef), `\n${EXTERNAL_ENTITY}\n`);
    }),
  );
  const hugeLine = fc
    .tuple(
      position,
      fc.integer({ min: 1_000, max: scale.lineChars }),
      fc.constantFrom('word ', 'x', 'Слово ', '字', '[a] '),
    )
    .map(([p, chars, unit]) =>
      mutation('huge-line', `a line of ${chars} chars of ${JSON.stringify(unit)}@${p.toFixed(4)}`, (bytes) =>
        insert(bytes, p, `\n${unit.repeat(Math.ceil(chars / unit.length))}\n`),
      ),
    );
  const manyLines = fc
    .tuple(position, fc.integer({ min: 100, max: scale.lines }), fc.constantFrom(...LINES), fc.boolean())
    .map(([p, count, line, spaced]) =>
      mutation(
        'many-lines',
        `${count} × ${JSON.stringify(line)}${spaced ? ' spaced' : ''}@${p.toFixed(4)}`,
        (bytes) => insert(bytes, p, `\n${`${line}\n${spaced ? '\n' : ''}`.repeat(count)}`),
      ),
    );
  const lines = fc
    .tuple(fc.constantFrom('delete', 'duplicate', 'swap', 'reverse'), position, position)
    .map(([op, a, b]) =>
      mutation('lines', `${op} lines ${a.toFixed(4)}–${b.toFixed(4)}`, (bytes) => {
        const all = bytes.toString('latin1').split('\n');
        const [i, j] = [Math.floor(a * all.length), Math.floor(b * all.length)].sort((x, y) => x - y) as [
          number,
          number,
        ];
        const range = all.slice(i, j + 1);
        const out =
          op === 'delete'
            ? [...all.slice(0, i), ...all.slice(j + 1)]
            : op === 'duplicate'
              ? [...all.slice(0, j + 1), ...range, ...all.slice(j + 1)]
              : op === 'reverse'
                ? [...all.slice(0, i), ...range.reverse(), ...all.slice(j + 1)]
                : [
                    ...all.slice(0, i),
                    all[j] ?? '',
                    ...all.slice(i + 1, j),
                    all[i] ?? '',
                    ...all.slice(j + 1),
                  ];
        // latin1 both ways keeps every byte as it was.
        return Buffer.from(out.join('\n'), 'latin1');
      }),
    );
  const jsonField = fc
    .tuple(
      position,
      position,
      fc.constantFrom<unknown>(undefined, null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { a: 1 }),
    )
    .map(([line, field, value]) =>
      mutation(
        'json-field',
        `field ${field.toFixed(4)} of record ${line.toFixed(4)} set to ${JSON.stringify(value) ?? 'nothing'}`,
        (bytes) => mutateJsonField(bytes, line, field, value),
      ),
    );
  const encoding = fc
    .constantFrom('utf-16le', 'utf-16le-bom', 'utf-16be-bom', 'latin1')
    .map((to) => mutation('encoding', `re-encoded as ${to}`, (bytes) => reencode(bytes, to)));
  // Every kind for every format, the kinds that only mean something in the format weighed more.
  const weight = (kinds: Family[], arbitrary: fc.Arbitrary<Mutation>) => ({
    arbitrary,
    weight: kinds.includes(family) ? 4 : 1,
  });
  const single = fc.oneof(
    weight(['page', 'json', 'xml'], byteFlips),
    weight(['page', 'json', 'xml'], truncation),
    weight(['page', 'json', 'xml'], markup),
    weight(['page', 'json', 'xml'], invalidUtf8),
    weight(['page', 'json', 'xml'], nuls),
    weight(['page', 'json', 'xml'], nesting),
    weight(['xml'], entityBomb),
    weight(['xml'], externalEntity),
    weight(['page', 'json', 'xml'], hugeLine),
    weight(['page', 'json', 'xml'], manyLines),
    weight(['page', 'xml'], lines),
    weight(['json'], jsonField),
    weight([], encoding),
  );
  // Most cases one mutation; some two or three, each applied to what the last one left.
  return fc
    .array(single, { minLength: 1, maxLength: 3 })
    .map((steps) =>
      steps.length === 1
        ? (steps[0] as Mutation)
        : mutation(
            steps.map((s) => s.kind).join('+'),
            steps.map((s) => s.describe).join('; then '),
            (bytes) => steps.reduce((out, s) => s.apply(out), bytes),
          ),
    );
}

/**
 * One field of a JSON record (chosen by its place among all the fields, nested ones included)
 * removed or given a value of another type; input that is no JSON is left as it is.
 */
function mutateJsonField(bytes: Buffer, whichLine: number, whichField: number, value: unknown): Buffer {
  const text = bytes.toString('utf8');
  const records = text.trimStart().startsWith('{') && text.includes('\n{') ? text.split('\n') : [text];
  const index = Math.floor(whichLine * records.length);
  let record: unknown;
  try {
    record = JSON.parse(records[index] ?? '');
  } catch {
    return bytes;
  }
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) {
        slots.push([node, i]);
        visit(child);
      }
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, key]);
        visit(child);
      }
    }
  };
  visit(record);
  const slot = slots[Math.floor(whichField * slots.length)];
  if (!slot) return bytes;
  const [parent, key] = slot;
  if (value === undefined && Array.isArray(parent)) parent.splice(key as number, 1);
  else if (value === undefined) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = value;
  records[index] = records.length > 1 ? JSON.stringify(record) : JSON.stringify(record, null, 2);
  return Buffer.from(records.join('\n'));
}

function reencode(bytes: Buffer, to: string): Buffer {
  const text = bytes.toString('utf8');
  if (to === 'latin1') return Buffer.from(text, 'latin1');
  const le = Buffer.from(text, 'utf16le');
  if (to === 'utf-16le') return le;
  if (to === 'utf-16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}
