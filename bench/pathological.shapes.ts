import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The pathological inputs of issue 16, each beside a normal input of the same size and format, so
 * that a benchmark can say how much slower a shape reads than an ordinary document of its size.
 * Built from the seeds: the shape goes into the body of a seed page (or of its record, for JSON),
 * and the normal twin gets as many bytes of the page's own paragraphs in the same place.
 */
export interface Shape {
  name: string;
  /** File name (its extension as the archive's files have it). */
  file: string;
  bytes: Buffer;
  /** The normal input of the same size and format. */
  normal: Buffer;
  /** True when a documented limit refuses it (README, "Limits"): a clear message, quickly. */
  refused: boolean;
}

const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const TEXT_SEED = readFileSync(`${SEEDS}000_1a6ead44c4c0e4a5.txt`, 'utf8');
const MARKDOWN_SEED = readFileSync(`${SEEDS}004_4e4ece4df42afde7.txt`, 'utf8');

/** Where the body's paragraphs start in each seed; shapes go just before. */
const TEXT_ANCHOR = 'Однако, исходя из общей обстановки';
const MARKDOWN_ANCHOR = 'Если мексиканцы выступят со своим предложением';

/** The seed's own body paragraphs, as written (a blank line between them). */
function paragraphs(seed: string, anchor: string): string[] {
  const at = seed.indexOf(anchor);
  return seed
    .slice(at, at + 6_000)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 80 && !p.includes('~~'));
}

function insertBefore(seed: string, anchor: string, piece: string): Buffer {
  const at = seed.indexOf(anchor);
  if (at < 0) throw new Error(`the seed has no "${anchor}"`);
  return Buffer.from(`${seed.slice(0, at)}${piece}\n\n${seed.slice(at)}`);
}

/** Paragraphs of the seed repeated to `bytes` of UTF-8, a blank line between them. */
function normalBody(seed: string, anchor: string, bytes: number): string {
  const source = paragraphs(seed, anchor);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = source[i % source.length] as string;
    out.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return out.join('\n\n');
}

/** Pads a normal twin to the byte size of its shape, so that MB/s compare like with like. */
function twin(seed: string, anchor: string, shape: Buffer): Buffer {
  const base = Buffer.byteLength(seed) + 2;
  return insertBefore(seed, anchor, normalBody(seed, anchor, shape.length - base));
}

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
}

/** A seed's record as `chancery export --format json` writes it, for the JSON shapes. */
export interface JsonShapeBase {
  record: Record<string, unknown> & { texts: { blocks: { id: string; text: string }[] }[] };
}

/**
 * Every shape of issue 16 at its full size: pages of 4.9 MB (the page readers' limit is 5 MB), a
 * JSON record of 100,000 texts and one with a 20 MB block.
 *
 * @example for (const shape of buildShapes(record)) time(shape.bytes), time(shape.normal);
 */
export function buildShapes(base: JsonShapeBase): Shape[] {
  const shapes: Shape[] = [];
  const page = (name: string, seed: 'text' | 'markdown', piece: string, refused = false) => {
    const [text, anchor, file] =
      seed === 'text'
        ? [TEXT_SEED, TEXT_ANCHOR, 'page.txt']
        : [MARKDOWN_SEED, MARKDOWN_ANCHOR, 'page.md.txt'];
    const bytes = insertBefore(text, anchor, piece);
    shapes.push({ name, file, bytes, normal: twin(text, anchor, bytes), refused });
  };
  const body = paragraphs(TEXT_SEED, TEXT_ANCHOR).join(' ');
  // Lines of 60 characters: a page extracted with every line broken.
  const lines = Array.from({ length: 50_000 }, (_, i) =>
    body.slice((i * 60) % (body.length - 60), ((i * 60) % (body.length - 60)) + 60).trim(),
  );
  page('page of 50,000 lines', 'text', lines.join('\n'));
  page('a 4.9 MB line', 'text', repeatTo(`${body} `, 4_900_000 - TEXT_SEED.length));
  page(
    '10,000 Markdown link definitions',
    'markdown',
    Array.from(
      { length: 10_000 },
      (_, i) => `[ref${i}]: https://digitalarchive.wilsoncenter.org/document/${i} "Document ${i}"`,
    ).join('\n'),
  );
  page('100,000 nested brackets', 'markdown', `${'['.repeat(100_000)}Kaesong${']'.repeat(100_000)}`);
  page('100,000 unclosed brackets', 'text', `${'['.repeat(100_000)}Kaesong`);
  // Found by the fuzz (seed 5121, case 7082): markdown-it looked for each bracket's close to the paragraph's end.
  page(
    '26,000 brackets before 120,000 bracketed words',
    'markdown',
    `${'['.repeat(26_000)}\n${'[a] '.repeat(120_000)}`,
  );
  const notes = [
    'Copy Nº 3 to Cde. Stalin',
    'from [BEIJING] received 1500 13 July 1951',
    'Printed by Kornyushina 16:45 13 July',
    'Deciphered by Sudev 1615 13 July',
    'Incoming Nº 545/2384/shs 13 July 1951',
  ];
  page(
    '50,000 service-note lines',
    'text',
    Array.from({ length: 50_000 }, (_, i) => notes[i % notes.length]).join('\n'),
  );

  // JSON: the record with 100,000 texts, and with a block of 20 MB, beside the record grown to the
  // same size with its own blocks repeated.
  const record = base.record;
  const texts = Array.from({ length: 100_000 }, (_, i) => ({
    id: `t${i}`,
    kind: 'translation',
    language: 'en',
    blocks: [{ id: 'b1', type: 'paragraph', text: 'Cable.', marks: [] }],
  }));
  const manyTexts = Buffer.from(JSON.stringify({ ...record, texts }));
  shapes.push({
    name: 'JSON record of 100,000 texts',
    file: 'many-texts.json',
    bytes: manyTexts,
    normal: grownRecord(base, manyTexts.length),
    refused: true,
  });
  const [first, ...rest] = record.texts;
  const bigBlock = {
    ...first,
    blocks: [{ id: 'b1', type: 'paragraph', text: repeatTo(`${body} `, 20_000_000), marks: [] }],
  };
  const hugeBlock = Buffer.from(JSON.stringify({ ...record, texts: [bigBlock, ...rest] }));
  shapes.push({
    name: 'JSON record with a 20 MB block',
    file: 'big-block.json',
    bytes: hugeBlock,
    normal: grownRecord(base, hugeBlock.length),
    refused: true,
  });
  return shapes;
}

/** The record with the blocks of its texts repeated (ids renumbered) until its JSON is `bytes` long. */
function grownRecord(base: JsonShapeBase, bytes: number): Buffer {
  const record = structuredClone(base.record);
  const size = Buffer.byteLength(JSON.stringify(record));
  const perText = Math.ceil((bytes - size) / record.texts.length);
  for (const text of record.texts) {
    const blocks = text.blocks.filter((b) => b.text.length > 80);
    const unit = Buffer.byteLength(JSON.stringify(blocks)) || 1;
    const copies = Math.max(1, Math.floor(perText / unit));
    let n = text.blocks.length;
    for (let c = 0; c < copies; c++) for (const b of blocks) text.blocks.push({ ...b, id: `b${++n}` });
  }
  // Alignments name blocks that the copies do not have: the grown record is aligned again on ingest.
  return Buffer.from(JSON.stringify({ ...record, alignments: [], comparisons: undefined }));
}
