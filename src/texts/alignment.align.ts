import type { Alignment, AlignmentLink, Block, Mention, Text } from '../record/record.types.ts';
import { type AnchorKind, anchorKind, blockAnchors } from './alignment.anchors.ts';
import { readingText } from './block.reading.ts';

/** A block as the aligner sees it: its id, the length of its words, its anchors and its type. */
export interface AlignBlock {
  id: string;
  /** Characters other than white space: scripts differ in how many they spend on a word. */
  length: number;
  anchors: readonly string[];
  type: Block['type'];
}

/** A link shape: how many source blocks go with how many target blocks. */
export type Move = readonly [source: number, target: number];

/** Gale and Church's shapes, 2:2 left out: a translator merges or splits a paragraph, or leaves one out. */
export const TRANSLATION_MOVES: readonly Move[] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
];
/** A transcribed draft breaks its paragraphs at the end of each sheet, so a paragraph may span three blocks. */
export const DRAFT_MOVES: readonly Move[] = [...TRANSLATION_MOVES, [2, 2], [3, 1], [1, 3]];

/** Prior probability of each shape (Gale and Church 1993, Table 5; the longer shapes rarer still). */
const PRIORS: Readonly<Record<string, number>> = {
  '1:1': 0.89,
  '1:0': 0.0099,
  '0:1': 0.0099,
  '2:1': 0.089,
  '1:2': 0.089,
  '2:2': 0.011,
  '3:1': 0.011,
  '1:3': 0.011,
};

/**
 * Variance of the length difference per character. Gale and Church measured 6.8 for sentences;
 * the paragraphs of the seed cable vary less (1.7), and freer translations more: 4 leaves room.
 */
const LENGTH_VARIANCE = 4;

/**
 * How far (in blocks) an alignment of long texts may stray from the diagonal. A translation that
 * leaves out or adds 200 paragraphs in one place is not one this aligner would align anyway.
 */
const MAX_BAND = 200;

/**
 * Cells of the dynamic programme beyond which the band narrows further: texts of thousands of
 * blocks (no document has so many; a page of 20,000 repeated lines does) are aligned in time
 * that grows with their length at a bounded cost per block.
 */
const MAX_CELLS = 1_000_000;

/** What one anchor shared (or left alone) weighs against the length evidence, by kind. */
const ANCHOR_WEIGHTS: Readonly<Record<AnchorKind, number>> = {
  list: 2,
  number: 1.2,
  date: 1.5,
  month: 0.8,
  name: 1.2,
  punct: 0.8,
  word: 0.35,
};

export interface AlignOptions {
  source: readonly AlignBlock[];
  target: readonly AlignBlock[];
  /** Link shapes allowed; {@link TRANSLATION_MOVES} by default. */
  moves?: readonly Move[];
  /**
   * Cost of putting a signature, dateline, address or heading in one link with blocks of another
   * type. Translations keep those apart; a draft's transcription does not mark them reliably.
   */
  structurePenalty?: number;
}

/**
 * Aligns two sequences of blocks by dynamic programming over lengths (Gale and Church's method,
 * on paragraphs rather than sentences), with anchors shared by both sides lowering the cost of a
 * link and anchors left alone raising it. The ratio of target to source length is taken from the
 * two texts, so Chinese against English needs no table of its own.
 *
 * @example alignBlocks({ source: russian, target: english }).map((l) => [l.source, l.target])
 * // [[['b1'], ['b1']], [['b2', 'b3'], ['b2']], [['b4'], []], …]
 */
export function alignBlocks(options: AlignOptions): AlignmentLink[] {
  const { source, target } = options;
  const moves = options.moves ?? TRANSLATION_MOVES;
  const structurePenalty = options.structurePenalty ?? 3;
  const n = source.length;
  const m = target.length;
  let ratio = lengthRatio(source, target);
  const sourceAnchors = groupedCounts(source);
  const targetAnchors = groupedCounts(target);

  // Lengths as prefix sums and each shape's prior worked out once: the cost of a link is asked for
  // some ten times per pair of blocks within the band.
  const sourceLengths = prefixSums(source);
  const targetLengths = prefixSums(target);
  const priors = new Map(moves.map(([di, dj]) => [`${di}:${dj}`, -Math.log(PRIORS[`${di}:${dj}`] ?? 0.001)]));
  const linkCost = (i: number, j: number, di: number, dj: number): number => {
    const prior = priors.get(`${di}:${dj}`) ?? -Math.log(0.001);
    const anchors = anchorCost(sourceAnchors(i, di), targetAnchors(j, dj));
    const sourceLength = (sourceLengths[i + di] as number) - (sourceLengths[i] as number);
    const targetLength = (targetLengths[j + dj] as number) - (targetLengths[j] as number);
    // A block with no counterpart costs its prior and its anchors: its length is no evidence of
    // anything. One with nothing left to read (a draft's paragraph struck out whole) costs nothing.
    if (di === 0 || dj === 0) return sourceLength + targetLength === 0 ? 0 : prior + anchors;
    const z = lengthZ(sourceLength, targetLength, ratio);
    const clash = structurePenalty > 0 ? structureClash(source.slice(i, i + di), target.slice(j, j + dj)) : 0;
    return prior + tailCost(z) + anchors + structurePenalty * clash;
  };

  let path = bestPath();
  // A paragraph left out skews the ratio of the whole texts: take it again from the blocks that
  // found a counterpart, and align once more.
  const linked = path.filter((s) => s.di > 0 && s.dj > 0);
  const refined = lengthRatio(
    linked.flatMap((s) => source.slice(s.i, s.i + s.di)),
    linked.flatMap((s) => target.slice(s.j, s.j + s.dj)),
  );
  if (Math.abs(refined - ratio) / ratio > 0.02) {
    ratio = refined;
    path = bestPath();
  }
  return path.map((step, k) => {
    const sourceGroup = source.slice(step.i, step.i + step.di);
    const targetGroup = target.slice(step.j, step.j + step.dj);
    return {
      source: sourceGroup.map((b) => b.id),
      target: targetGroup.map((b) => b.id),
      score: round(linkScore(step, k)),
    };
  });

  function bestPath(): Step[] {
    // Beyond 200 × 200 blocks, only cells near the diagonal: a fifth of the longer text, at least
    // 40 and at most MAX_BAND blocks off it, narrower still past MAX_CELLS, and always wide enough
    // that a path through the band exists when one text has many more blocks than the other; so
    // time and memory grow with the texts, not with their product. Row i keeps the cells of target
    // blocks from[i] to to[i].
    const slope = m / Math.max(n, 1);
    const band =
      n * m > 40_000
        ? Math.max(
            Math.min(
              MAX_BAND,
              Math.max(40, Math.ceil(0.2 * Math.max(n, m))),
              Math.floor(MAX_CELLS / (2 * (n + 1))),
            ),
            Math.ceil(slope) + 2,
          )
        : m;
    const from = new Int32Array(n + 1);
    const to = new Int32Array(n + 1);
    // cost[i][j - from[i]]: cheapest alignment of the first i source and j target blocks;
    // back[i][j - from[i]]: the index in `moves` of its last link, -1 for none.
    const cost: Float64Array[] = [];
    const back: Int8Array[] = [];
    for (let i = 0; i <= n; i++) {
      from[i] = Math.max(0, Math.floor(i * slope - band));
      to[i] = Math.min(m, Math.ceil(i * slope + band));
      cost.push(new Float64Array((to[i] as number) - (from[i] as number) + 1).fill(Infinity));
      back.push(new Int8Array((to[i] as number) - (from[i] as number) + 1).fill(-1));
    }
    const costAt = (i: number, j: number): number =>
      j < (from[i] as number) || j > (to[i] as number)
        ? Infinity
        : ((cost[i] as Float64Array)[j - (from[i] as number)] as number);
    (cost[0] as Float64Array)[0] = 0;
    for (let i = 0; i <= n; i++) {
      const row = cost[i] as Float64Array;
      const rowBack = back[i] as Int8Array;
      const first = from[i] as number;
      for (let j = first; j <= (to[i] as number); j++) {
        if (i === 0 && j === 0) continue;
        for (let k = 0; k < moves.length; k++) {
          const [di, dj] = moves[k] as Move;
          if (di > i || dj > j) continue;
          const before = costAt(i - di, j - dj);
          if (!Number.isFinite(before)) continue;
          const total = before + linkCost(i - di, j - dj, di, dj);
          if (total < (row[j - first] as number)) {
            row[j - first] = total;
            rowBack[j - first] = k;
          }
        }
      }
    }

    const steps: Step[] = [];
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const k =
        j < (from[i] as number) || j > (to[i] as number)
          ? -1
          : ((back[i] as Int8Array)[j - (from[i] as number)] as number);
      if (k < 0) break;
      const [di, dj] = moves[k] as Move;
      steps.push({ i: i - di, j: j - dj, di, dj });
      i -= di;
      j -= dj;
    }
    return steps.reverse();
  }

  /**
   * How well a link holds: the chance of a length difference at least as large, averaged with
   * the share of anchors both sides have (when they have any). A block without counterpart scores
   * by how little it agrees with the counterparts of its neighbours.
   */
  function linkScore(step: Step, k: number): number {
    if (step.di > 0 && step.dj > 0) {
      return agreement(step.i, step.di, step.j, step.dj);
    }
    const neighbours = [path[k - 1], path[k + 1]].filter((s) => s !== undefined);
    let best = 0;
    for (const other of neighbours) {
      if (step.di > 0 && other.dj > 0) best = Math.max(best, agreement(step.i, step.di, other.j, other.dj));
      if (step.dj > 0 && other.di > 0) best = Math.max(best, agreement(other.i, other.di, step.j, step.dj));
    }
    return 1 - best;
  }

  function agreement(i: number, di: number, j: number, dj: number): number {
    const z = lengthZ(
      sum(source.slice(i, i + di).map((b) => b.length)),
      sum(target.slice(j, j + dj).map((b) => b.length)),
      ratio,
    );
    const lengthAgreement = Math.exp(-tailCost(z));
    const a = sourceAnchors(i, di);
    const b = targetAnchors(j, dj);
    const total = size(a) + size(b);
    if (total === 0) return lengthAgreement;
    return (lengthAgreement + (2 * shared(a, b)) / total) / 2;
  }
}

/** One link of the best path: it starts at source block i and target block j and takes di and dj of them. */
interface Step {
  i: number;
  j: number;
  di: number;
  dj: number;
}

/** Target characters per source character; 1 when either side is empty. */
function lengthRatio(source: readonly AlignBlock[], target: readonly AlignBlock[]): number {
  const sourceTotal = sum(source.map((b) => b.length));
  const targetTotal = sum(target.map((b) => b.length));
  return sourceTotal > 0 && targetTotal > 0 ? targetTotal / sourceTotal : 1;
}

export interface AlignTextsOptions {
  source: Text;
  target: Text;
  /** The record's mentions: the names each block contains are anchors. */
  mentions: readonly Mention[];
  /** Source is a draft of target: same language, so words count, and drafts break paragraphs freely. */
  draft?: boolean;
}

/**
 * Aligns two texts of a record that are versions of one another (an original and a translation,
 * a draft and the original). Drafts are aligned on their reading: the words the author struck out
 * are not part of what the draft became.
 *
 * @example alignTexts({ source: record.texts[0], target: record.texts[1], mentions: record.mentions })
 * // { source: 'original', target: 'translation-en', links: [{ source: ['b1'], target: ['b1'], score: 0.93 }, …] }
 */
export function alignTexts(options: AlignTextsOptions): Alignment {
  const { source, target, mentions } = options;
  const words = options.draft === true && sameLanguage(source.language, target.language);
  // The names of each block, gathered in one pass over the mentions (not one per block).
  const namesOf = new Map<string, string[]>();
  for (const mention of mentions) {
    if (!mention.authorityId) continue;
    const key = `${mention.textId}\u0000${mention.blockId}`;
    const names = namesOf.get(key);
    if (names) names.push(mention.authorityId);
    else namesOf.set(key, [mention.authorityId]);
  }
  const toAlignBlocks = (text: Text): AlignBlock[] =>
    text.blocks.map((block) => {
      const reading = text.kind === 'draft' ? readingText(block) : block.text;
      const names = namesOf.get(`${text.id}\u0000${block.id}`) ?? [];
      return {
        id: block.id,
        length: reading.replace(/\s+/gu, '').length,
        anchors: blockAnchors(reading, { names, words }),
        type: block.type,
      };
    });
  const links = alignBlocks({
    source: toAlignBlocks(source),
    target: toAlignBlocks(target),
    ...(options.draft ? { moves: DRAFT_MOVES, structurePenalty: 0 } : {}),
  });
  return { source: source.id, target: target.id, links };
}

function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]?.toLowerCase() === b.split('-')[0]?.toLowerCase();
}

/** How far the target's length is from what the source's length predicts, in standard deviations. */
function lengthZ(sourceLength: number, targetLength: number, ratio: number): number {
  const expected = targetLength / ratio;
  const mean = (sourceLength + expected) / 2;
  if (mean === 0) return 0;
  return Math.abs(sourceLength - expected) / Math.sqrt(mean * LENGTH_VARIANCE);
}

/** −log of the two-sided tail probability of a standard normal beyond `z`. */
function tailCost(z: number): number {
  if (z < 5) return -Math.log(Math.max(2 * (1 - normalCdf(z)), 1e-300));
  // Mills' ratio: the tail is φ(z)/z, far enough out.
  return (z * z) / 2 + Math.log(z * Math.sqrt(2 * Math.PI)) - Math.log(2);
}

/** Standard normal CDF (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = Math.exp((-z * z) / 2) * poly * 0.3989422804014327;
  return z >= 0 ? 1 - upper : upper;
}

type Counts = Map<string, number>;

function countAnchors(anchors: readonly string[]): Counts {
  const counts: Counts = new Map();
  for (const anchor of anchors) counts.set(anchor, (counts.get(anchor) ?? 0) + 1);
  return counts;
}

const NO_ANCHORS: Counts = new Map();

/**
 * The anchors of `count` blocks from `start` on, merged: each group a link may take is merged once
 * and kept, since the dynamic programme asks for the same groups again and again.
 */
function groupedCounts(blocks: readonly AlignBlock[]): (start: number, count: number) => Counts {
  const single = blocks.map((b) => countAnchors(b.anchors));
  const merged = new Map<number, Counts>();
  return (start, count) => {
    if (count === 0) return NO_ANCHORS;
    if (count === 1) return single[start] as Counts;
    const key = start * 8 + count;
    let counts = merged.get(key);
    if (!counts) {
      counts = new Map();
      for (let k = start; k < start + count; k++)
        for (const [anchor, n] of single[k] as Counts) counts.set(anchor, (counts.get(anchor) ?? 0) + n);
      merged.set(key, counts);
    }
    return counts;
  };
}

function size(counts: Counts): number {
  let total = 0;
  for (const v of counts.values()) total += v;
  return total;
}

function shared(a: Counts, b: Counts): number {
  let total = 0;
  for (const [k, v] of a) total += Math.min(v, b.get(k) ?? 0);
  return total;
}

/** Anchors on one side only cost their weight; anchors on both sides earn it back. */
function anchorCost(a: Counts, b: Counts): number {
  if (a.size === 0 && b.size === 0) return 0;
  return weighAnchors(a, b, true) + weighAnchors(b, a, false);
}

/** Each anchor's weight, by its kind; anchors recur across blocks and documents, so it is kept. */
const anchorWeights = new Map<string, number>();

function weightOf(anchor: string): number {
  let weight = anchorWeights.get(anchor);
  if (weight === undefined) {
    weight = ANCHOR_WEIGHTS[anchorKind(anchor)] ?? 1;
    // Bounded: a long ingest meets millions of anchors; the recent ones are the ones asked for.
    if (anchorWeights.size >= 100_000) anchorWeights.clear();
    anchorWeights.set(anchor, weight);
  }
  return weight;
}

function weighAnchors(from: Counts, to: Counts, earn: boolean): number {
  let cost = 0;
  for (const [anchor, count] of from) {
    const weight = weightOf(anchor);
    const common = Math.min(count, to.get(anchor) ?? 0);
    cost += weight * (count - common);
    if (earn) cost -= weight * common * 2;
  }
  return cost;
}

const STRUCTURAL = new Set<Block['type']>(['signature', 'dateline', 'address', 'heading']);

/** 1 when a link puts a structural block (signature, dateline, address, heading) with blocks of another type. */
function structureClash(a: readonly AlignBlock[], b: readonly AlignBlock[]): number {
  const all = [...a, ...b];
  const structural = all.filter((block) => STRUCTURAL.has(block.type));
  if (structural.length === 0) return 0;
  if (a.length === 1 && b.length === 1) return 0;
  return structural.length === all.length && new Set(all.map((x) => x.type)).size === 1 ? 0 : 1;
}

/** prefix[k] is the length of the first k blocks. */
function prefixSums(blocks: readonly AlignBlock[]): Float64Array {
  const prefix = new Float64Array(blocks.length + 1);
  for (let k = 0; k < blocks.length; k++)
    prefix[k + 1] = (prefix[k] as number) + (blocks[k] as AlignBlock).length;
  return prefix;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
