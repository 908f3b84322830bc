import { readFileSync } from 'node:fs';

/** The romanization tables that ship with Chancery (`data/romanization/`). */
export const ROMANIZATION_DIR = new URL('../../../data/romanization/', import.meta.url);

/** One syllable of Mandarin in the three systems; the first form of each list is the standard one. */
export interface ZhSyllable {
  /** Toneless Hanyu Pinyin, ü written ü. */
  pinyin: string;
  wadeGiles: string[];
  palladius: string[];
}

export type JamoPosition = 'initial' | 'vowel' | 'final';

/** One jamo in one position; forms are lists, '' where the system writes nothing (initial ㅇ). */
export interface KoJamo {
  position: JamoPosition;
  jamo: string;
  rr: string;
  mr: string[];
  kontsevich: string[];
  russianOlder: string[];
}

/**
 * Reads a tab-separated table: lines starting with "#" are comments, the first other line names
 * the columns. A malformed shipped table is a bug, so this throws with the file and line.
 *
 * @example readTable('zh-syllables.tsv')[0] // { pinyin: 'a', wade_giles: 'a', palladius: 'а' }
 */
export function readTable(file: string, dir: URL = ROMANIZATION_DIR): Record<string, string>[] {
  const lines = readFileSync(new URL(file, dir), 'utf8').split('\n');
  let columns: string[] | undefined;
  const rows: Record<string, string>[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const cells = line.split('\t');
    if (!columns) {
      columns = cells;
      continue;
    }
    if (cells.length > columns.length) {
      throw new Error(`${file}:${index + 1}: ${cells.length} cells for ${columns.length} columns.`);
    }
    const row: Record<string, string> = {};
    for (const [i, column] of columns.entries()) row[column] = (cells[i] ?? '').trim();
    rows.push(row);
  }
  return rows;
}

/** Splits a cell of alternates ("k|g"); "-" stands for the empty form. */
function forms(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell.split('|').map((form) => (form === '-' ? '' : form));
}

/**
 * Every Pinyin syllable with its Wade–Giles and Palladius forms (`zh-syllables.tsv`).
 *
 * @example loadZhSyllables().find((s) => s.pinyin === 'zhou') // { wadeGiles: ['chou'], palladius: ['чжоу'] }
 */
export function loadZhSyllables(dir?: URL): ZhSyllable[] {
  return readTable('zh-syllables.tsv', dir).map((row) => {
    const syllable = {
      pinyin: row.pinyin ?? '',
      wadeGiles: forms(row.wade_giles),
      palladius: forms(row.palladius),
    };
    if (!syllable.pinyin || syllable.wadeGiles.length === 0 || syllable.palladius.length === 0) {
      throw new Error(`zh-syllables.tsv: the row of "${syllable.pinyin}" lacks a form.`);
    }
    return syllable;
  });
}

/**
 * Every jamo with its RR, MR and Kontsevich forms (`ko-jamo.tsv`), in Unicode order within each
 * position, which is the order Hangul syllables are composed in.
 *
 * @example loadKoJamo().filter((j) => j.position === 'initial').length // 19
 */
export function loadKoJamo(dir?: URL): KoJamo[] {
  return readTable('ko-jamo.tsv', dir).map((row) => {
    const position = row.position;
    if (position !== 'initial' && position !== 'vowel' && position !== 'final') {
      throw new Error(`ko-jamo.tsv: unknown position "${position}".`);
    }
    return {
      position,
      jamo: row.jamo ?? '',
      rr: forms(row.rr)[0] ?? '',
      mr: forms(row.mr),
      kontsevich: forms(row.kontsevich),
      russianOlder: forms(row.russian_older),
    };
  });
}

export type ViPart = 'initial' | 'vowel' | 'final';

/** One part of a Vietnamese syllable and its Russian forms, the rule's first. */
export interface ViLetters {
  part: ViPart;
  /** Vietnamese letters with their vowel marks (â, ơ, ư, đ), without tones. */
  vietnamese: string;
  russian: string[];
}

/**
 * The parts of Vietnamese syllables with their Russian forms (`vi-ru.tsv`).
 *
 * @example loadViRu().find((l) => l.vietnamese === 'nh' && l.part === 'final')?.russian // ['нь']
 */
export function loadViRu(dir?: URL): ViLetters[] {
  return readTable('vi-ru.tsv', dir).map((row) => {
    const part = row.part;
    if (part !== 'initial' && part !== 'vowel' && part !== 'final') {
      throw new Error(`vi-ru.tsv: unknown part "${part}".`);
    }
    return { part, vietnamese: row.vietnamese ?? '', russian: forms(row.russian) };
  });
}

/**
 * The particles of foreign names as Russian writes them, each with the Latin particles it renders
 * (`ru-name-particles.tsv`): "де" is "de", "аль" is "al" or "el".
 *
 * @example russianNameParticles().get('фон') // ['von']
 */
export function russianNameParticles(): ReadonlyMap<string, readonly string[]> {
  particles ??= new Map(
    readTable('ru-name-particles.tsv').map((row) => [row.russian ?? '', forms(row.latin)]),
  );
  return particles;
}

let particles: Map<string, string[]> | undefined;

/** A Latin spelling, where it is read, and the Russian forms of what it spells, the most usual first. */
export interface LatinSpelling {
  /** Lower-case Latin letters. */
  letters: string;
  /** Only at a word's start (^), only at its end ($). */
  atStart: boolean;
  atEnd: boolean;
  /** Only before one of these letters, which it does not read ('' for anywhere). */
  before: string;
  russian: string[];
}

/**
 * The Latin spellings of `latin-ru.tsv`, with their Russian forms: English, then the other
 * languages' where they spell otherwise.
 *
 * @example loadLatinRu().find((s) => s.letters === 'j')?.russian // ['дж', 'й', 'ж']
 */
export function loadLatinRu(dir?: URL): LatinSpelling[] {
  return readTable('latin-ru.tsv', dir).map((row) => {
    const match = /^(\^?)([a-z]+)(?:\[([a-z]+)\])?(\$?)$/.exec(row.latin ?? '');
    const russian = forms(row.russian);
    if (!match || russian.length === 0)
      throw new Error(`latin-ru.tsv: the row "${row.latin}" cannot be read.`);
    return {
      letters: match[2] as string,
      atStart: match[1] === '^',
      atEnd: match[4] === '$',
      before: match[3] ?? '',
      russian,
    };
  });
}
