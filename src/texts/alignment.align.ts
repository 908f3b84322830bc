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
  const sourceAnchors = source.map((b) => countAnchors(b.anchors));
  const targetAnchors = target.map((b) => countAnchors(b.anchors));

  const linkCost = (i: number, j: number, di: number, dj: number): number => {
    const prior = -Math.log(PRIORS[`${di}:${dj}`] ?? 0.001);
    const sourceGroup = source.slice(i, i + di);
    const targetGroup = target.slice(j, j + dj);
    const anchors = anchorCost(
      mergeCounts(sourceAnchors.slice(i, i + di)),
      mergeCounts(targetAnchors.slice(j, j + dj)),
    );
    // A block with no counterpart costs its prior and its anchors: its length is no evidence of
    // anything. One with nothing left to read (a draft's paragraph struck out whole) costs nothing.
    if (di === 0 || dj === 0) {
      const empty = [...source.slice(i, i + di), ...target.slice(j, j + dj)].every((b) => b.length === 0);
      return empty ? 0 : prior + anchors;
    }
    const z = lengthZ(sum(sourceGroup.map((b) => b.length)), sum(targetGroup.map((b) => b.length)), ratio);
    return prior + tailCost(z) + anchors + structurePenalty * structureClash(sourceGroup, targetGroup);
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
    // cost[i][j]: cheapest alignment of the first i source and j target blocks.
    const cost: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
    const back: (Move | null)[][] = Array.from({ length: n + 1 }, () =>
      new Array<Move | null>(m + 1).fill(null),
    );
    (cost[0] as Float64Array)[0] = 0;
    const band = n * m > 40_000 ? Math.max(40, Math.ceil(0.2 * Math.max(n, m))) : Infinity;
    for (let i = 0; i <= n; i++) {
      const row = cost[i] as Float64Array;
      for (let j = 0; j <= m; j++) {
        if (i === 0 && j === 0) continue;
        if (Math.abs(i * (m / Math.max(n, 1)) - j) > band) continue;
        for (const move of moves) {
          const [di, dj] = move;
          if (di > i || dj > j) continue;
          const before = (cost[i - di] as Float64Array)[j - dj] as number;
          if (!Number.isFinite(before)) continue;
          const total = before + linkCost(i - di, j - dj, di, dj);
          if (total < (row[j] as number)) {
            row[j] = total;
            (back[i] as (Move | null)[])[j] = move;
          }
        }
      }
    }

    const steps: Step[] = [];
    for (let i = n, j = m; i > 0 || j > 0; ) {
      const move = back[i]?.[j];
      if (!move) break;
      const [di, dj] = move;
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
    const a = mergeCounts(sourceAnchors.slice(i, i + di));
    const b = mergeCounts(targetAnchors.slice(j, j + dj));
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
  const toAlignBlocks = (text: Text): AlignBlock[] =>
    text.blocks.map((block) => {
      const reading = text.kind === 'draft' ? readingText(block) : block.text;
      const names = mentions
        .filter((m) => m.textId === text.id && m.blockId === block.id && m.authorityId)
        .map((m) => m.authorityId as string);
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

function mergeCounts(list: readonly Counts[]): Counts {
  if (list.length === 1) return list[0] as Counts;
  const merged: Counts = new Map();
  for (const counts of list) for (const [k, v] of counts) merged.set(k, (merged.get(k) ?? 0) + v);
  return merged;
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
  let cost = 0;
  const weigh = (from: Counts, to: Counts, sign: 1 | 0) => {
    for (const [anchor, count] of from) {
      const weight = ANCHOR_WEIGHTS[anchorKind(anchor)] ?? 1;
      const common = Math.min(count, to.get(anchor) ?? 0);
      cost += weight * (count - common);
      if (sign) cost -= weight * common * 2;
    }
  };
  weigh(a, b, 1);
  weigh(b, a, 0);
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

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
