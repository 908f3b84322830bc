import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuthorityIndex } from '../../src/names/authority.index.ts';
import { findMentions } from '../../src/names/mention.find.ts';
import type { AlignmentLink, ChanceryRecord, Text, TextKind } from '../../src/record/record.types.ts';
import { buildBlocks } from '../../src/texts/block.build.ts';
import { parseBracketMarks } from '../../src/texts/editorial-marks.parse.ts';
import { makeRecord } from './record.fixture.ts';

export const ALIGNMENT_FIXTURES = fileURLToPath(new URL('../fixtures/alignment/', import.meta.url));

/** A gold link: which blocks a careful human reader joins. */
export interface GoldLink {
  source: string[];
  target: string[];
}

/** A bilingual document built for the tests (`test/fixtures/alignment/*.json` other than the seeds). */
export interface BilingualFixture {
  name: string;
  description: string;
  source: { id: string; kind: TextKind; language: string; blocks: string[] };
  target: { id: string; kind: TextKind; language: string; blocks: string[] };
  gold: GoldLink[];
}

/** Gold alignments of a seed, checked against the record the batch makes of it. */
export interface SeedGold {
  name: string;
  description: string;
  seed: string;
  alignments: { source: string; target: string; gold: GoldLink[] }[];
}

export function loadAlignmentFixtures(): { documents: BilingualFixture[]; seeds: SeedGold[] } {
  const documents: BilingualFixture[] = [];
  const seeds: SeedGold[] = [];
  for (const file of readdirSync(ALIGNMENT_FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = JSON.parse(readFileSync(`${ALIGNMENT_FIXTURES}${file}`, 'utf8'));
    const name = file.replace(/\.json$/, '');
    if ('seed' in parsed) seeds.push({ name, ...parsed });
    else documents.push({ name, ...parsed });
  }
  return { documents, seeds };
}

/** A record holding the fixture's two texts, blocks typed and names found as a reader would. */
export function recordFromFixture(fixture: BilingualFixture, authorities: AuthorityIndex): ChanceryRecord {
  const text = (side: BilingualFixture['source']): Text => ({
    id: side.id,
    kind: side.kind,
    language: side.language,
    blocks: buildBlocks(side.blocks.map((b) => parseBracketMarks(b))),
  });
  const texts = [text(fixture.source), text(fixture.target)];
  return makeRecord({
    id: fixture.name,
    originalLanguage: fixture.source.language,
    texts,
    mentions: findMentions(texts, authorities),
  });
}

/**
 * Link accuracy: the links found exactly as in the gold (same source blocks, same target blocks),
 * over the larger of the two link counts, so that both missing and spurious links count against it.
 */
export function linkAccuracy(
  gold: readonly GoldLink[],
  found: readonly AlignmentLink[],
): {
  correct: number;
  total: number;
  accuracy: number;
  wrong: string[];
} {
  const key = (l: GoldLink) => `${l.source.join('+') || '∅'} → ${l.target.join('+') || '∅'}`;
  const goldKeys = new Set(gold.map(key));
  const foundKeys = found.map(key);
  const correct = foundKeys.filter((k) => goldKeys.has(k)).length;
  const total = Math.max(gold.length, found.length);
  return {
    correct,
    total,
    accuracy: total === 0 ? 1 : correct / total,
    wrong: foundKeys.filter((k) => !goldKeys.has(k)),
  };
}
