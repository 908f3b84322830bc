import type { PersonName } from './person-name.parse.ts';

/**
 * What two forms of a name say about whether they name one person:
 * - `same`: every part written out and equal ("Gromyko, Andrei A." and "Andrei A. Gromyko");
 * - `compatible`: nothing disagrees, one says less ("Gromyko, Andrei" and "Gromyko, Andrei A.";
 *   "Dulles, J. F." and "Dulles, John Foster");
 * - `surname-only`: one form is a surname alone ("Acheson"): it could be anyone of that name;
 * - `differs`: a middle name or initial, or a Jr. on one side only, disagrees while the first name
 *   agrees: sources misprint initials ("Andrei Y. Gromyko"), and fathers and sons share names, so
 *   only other evidence can decide;
 * - `conflict`: first names or written suffixes disagree: two people ("John F." and "Robert F.
 *   Kennedy", "Herbert Hoover, Jr." and "J. Edgar Hoover");
 * - `unrelated`: other surnames.
 */
export type NameRelation = 'same' | 'compatible' | 'surname-only' | 'differs' | 'conflict' | 'unrelated';

export interface NameComparison {
  relation: NameRelation;
  /** The first given names agree written out in full (not by an initial alone). */
  fullFirstName: boolean;
  /** How many given names or initials agree position by position ("A. J." and "Andrew J.": 2). */
  agreeing?: number;
}

const UNRELATED: NameComparison = { relation: 'unrelated', fullFirstName: false };

/**
 * Compares two parsed names part by part. Surnames and whole names compare after the variation
 * that romanizations of one name show ("Andrei"/"Andrey", "Sergeevich"/"Sergeyevich").
 *
 * @example compareNames(parsePersonName('Kennedy, John F.'), parsePersonName('Kennedy, Robert F.')).relation // 'conflict'
 */
export function compareNames(a: PersonName, b: PersonName): NameComparison {
  if (a.order === 'undivided' || b.order === 'undivided') return compareWhole(a, b);
  if (!a.surname || !sameWord(a.surname, b.surname)) return UNRELATED;
  // A surname alone names anyone of that name, even against the same surname alone.
  if (a.given.length === 0 || b.given.length === 0) return { relation: 'surname-only', fullFirstName: false };
  if (a.suffix && b.suffix && a.suffix !== b.suffix) return { relation: 'conflict', fullFirstName: false };
  const [firstA, firstB] = [a.given[0] as string, b.given[0] as string];
  const fullFirstName = firstA.length > 1 && firstB.length > 1;
  if (!sameGiven(firstA, firstB)) return { relation: 'conflict', fullFirstName: false };
  let differs = (a.suffix === null) !== (b.suffix === null);
  let equalCount = a.given.length === b.given.length;
  for (let i = 1; i < Math.min(a.given.length, b.given.length); i++) {
    const [x, y] = [a.given[i] as string, b.given[i] as string];
    if (!sameGiven(x, y)) differs = true;
    else if (x.length !== y.length && (x.length === 1 || y.length === 1)) equalCount = false;
  }
  if (differs) return { relation: 'differs', fullFirstName };
  const agreeing = Math.min(a.given.length, b.given.length);
  // Identical names are the same name, initials and all ("C. Douglas Dillon").
  const exact =
    equalCount &&
    a.suffix === b.suffix &&
    a.given.every((g, i) => {
      const other = b.given[i] as string;
      return g.length === other.length || (g.length > 1 && other.length > 1) ? sameWord(g, other) : false;
    });
  return { relation: exact ? 'same' : 'compatible', fullFirstName, agreeing };
}

/** Names without parts: the same when the whole names are; a single word against a longer name says little. */
function compareWhole(a: PersonName, b: PersonName): NameComparison {
  if (a.whole && sameWord(a.whole, b.whole)) return { relation: 'same', fullFirstName: true };
  // "Diem" against "Ngo Dinh Diem": a name alone is one word of the whole name.
  const [whole, other] = a.order === 'undivided' ? [a, b] : [b, a];
  if (other.given.length === 0 && whole.surname.split(' ').some((w) => sameWord(w, other.surname))) {
    return { relation: 'surname-only', fullFirstName: false };
  }
  return UNRELATED;
}

/** An initial agrees with any name it begins; two written names agree when they are one name. */
function sameGiven(x: string, y: string): boolean {
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return sameWord(x, y);
}

/**
 * One word in two romanizations: Andrei/Andrey, Sergeevich/Sergeyevich/Sergeivich, Aleksandr/
 * Alexander, Kossygin/Kosygin. Both are reduced by the same rules before comparing.
 */
export function sameWord(x: string, y: string): boolean {
  return x === y || looseSpelling(x) === looseSpelling(y);
}

/** Spellings already reduced: reconciliation compares the same few thousand words again and again. */
const loose = new Map<string, string>();
const LOOSE_MEMORY = 100_000;

function looseSpelling(word: string): string {
  let reduced = loose.get(word);
  if (reduced === undefined) {
    reduced = reduce(word);
    if (loose.size >= LOOSE_MEMORY) loose.clear();
    loose.set(word, reduced);
  }
  return reduced;
}

function reduce(word: string): string {
  return word
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/(?<=[aeiou])[yi]e/g, 'e')
    .replace(/(?:iy|ii|ij|yi|yy)\b/g, 'y')
    .replace(/y/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}
