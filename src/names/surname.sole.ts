import type { Authority } from '../record/record.types.ts';
import type { AuthorityIndex } from './authority.index.ts';
import { compareNames } from './person-name.compare.ts';
import { type PersonName, parsePersonName } from './person-name.parse.ts';

/** A surname shorter than this is too often a word or an abbreviation ("Li", "Ho", "Ma"). */
const MIN_SURNAME_LENGTH = 4;

/**
 * The surname by which a text may name a person alone ("Mikoyan said…"), when the archive knows
 * no one else who bears it: the surname a source wrote first in a list form ("Mikoyan, Anastas
 * Ivanovich", where the comma says which word it is), borne by no other person whose given names
 * disagree (John F. and Robert F. Kennedy: neither has "Kennedy" alone), and naming no place or
 * body ("Washington"). People known by their surname only ("Mikoyan" in a volume's
 * observations) are no rivals: they may be the same person. Null when any of this fails.
 *
 * @example soleSurname(index.find('Anastas I. Mikoyan', 'person'), index) // 'Mikoyan'
 */
export function soleSurname(person: Authority, index: AuthorityIndex): string | null {
  const listed = listedName(person);
  if (!listed || listed.surname.replace(/ /g, '').length < MIN_SURNAME_LENGTH) return null;
  // As written, without a bracketed other spelling ("Nassiri (Nasseri)").
  const surname = (listed.written.split(',')[0] as string).replace(/\s*[([][^)\]]*[)\]]/g, '').trim();
  const words = listed.surname.split(' ');
  const rivals = index
    .withWord(words.at(-1) as string, 'person')
    .filter((other) => other.id !== person.id && !sharesMember(other, person));
  for (const other of rivals) {
    for (const form of [other.name, ...other.names.map((n) => n.form)]) {
      const relation = compareNames(listed, parsePersonName(form)).relation;
      if (relation === 'conflict' || relation === 'differs') return null;
    }
  }
  if (index.named(surname).some((a) => a.kind === 'place' || a.kind === 'organization')) return null;
  return surname;
}

/** The person's name as a list wrote it, surname first: the one form that says which word is the surname. */
function listedName(person: Authority): PersonName | null {
  for (const form of [person.name, ...person.names.map((n) => n.form)]) {
    if (!form.includes(',')) continue;
    const name = parsePersonName(form, { listEntry: true });
    if (name.order === 'inverted' && name.surname && name.given.length > 0) return name;
  }
  return null;
}

function sharesMember(a: Authority, b: Authority): boolean {
  const members = new Set(a.members ?? [a.id]);
  return (b.members ?? [b.id]).some((m) => members.has(m));
}
