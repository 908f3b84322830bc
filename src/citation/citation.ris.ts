import { familyGivenName } from './citation.names.ts';
import type { CitationItem } from './citation.types.ts';

/**
 * The citation as RIS, with the tags Zotero's RIS import reads for each item type: a manuscript
 * (`MANSCPT`) or a letter (`PCOMM`, recipients as `A2`) for an archival document, with `DB` the
 * archive, `AN` and `AV` the location in it (Zotero reads `AN`, the RIS specification and
 * citation-js `AV`), `A4` the translator, `DP` the digital archive; a book section (`CHAP`) for a
 * document in an edition, with `T2` the volume, `A2` its editors, `T3` the series, `SE` the
 * document number, `SP`/`EP` the pages. One line per tag however long: a wrapped line is read as
 * two values by importers, which broke titles in the middle of words.
 *
 * @example formatRis(item).split('\n')[0] // 'TY  - MANSCPT'
 */
export function formatRis(item: CitationItem): string {
  const lines: [string, string | null | undefined][] = [];
  const add = (tag: string, value: string | null | undefined) => lines.push([tag, value]);
  const letter = item.kind === 'archival' && item.type === 'letter';
  add('TY', item.kind === 'edition' ? 'CHAP' : letter ? 'PCOMM' : 'MANSCPT');
  add('TI', item.title);
  for (const author of item.authors) add('AU', familyGivenName(author));
  if (item.kind === 'edition' && item.edition) {
    const edition = item.edition;
    add('T2', edition.title);
    for (const editor of edition.editors) add('A2', familyGivenName(editor));
    add('T3', edition.series);
    add('VL', edition.volume);
    add('PB', edition.publisher);
    add('CY', edition.place);
    add('PY', edition.year);
    add('SE', item.number);
    const [first, last] = (item.pages ?? '').split('–');
    add('SP', first || null);
    if (last) add('EP', last);
  } else {
    if (letter) for (const recipient of item.recipients) add('A2', familyGivenName(recipient));
    add('PY', item.date.parts ? String(item.date.parts[0]) : null);
    add('DA', item.date.parts ? risDate(item.date.parts) : null);
    add('M3', item.genre);
    add('DB', item.archive);
    add('AN', item.archiveLocation);
    add('AV', item.archiveLocation);
    add('DP', item.publisher);
  }
  for (const translator of item.translators) add('A4', familyGivenName(translator));
  add('LA', item.language);
  add('AB', item.abstract);
  for (const note of risNotes(item)) add('N1', note);
  add('UR', item.url);
  add('Y2', risDate(item.accessed));
  add('ER', '');
  return `${lines
    .filter(([tag, value]) => tag === 'ER' || (value !== null && value !== undefined && value !== ''))
    .map(([tag, value]) => `${tag}  - ${oneLine(value ?? '')}`)
    .join('\n')}\n`;
}

/** What RIS has no tag for: the document's own date in an edition, other locations, the books it is cited from. */
export function risNotes(item: CitationItem): string[] {
  const notes: string[] = [];
  if (item.kind === 'edition') notes.push(`Document date: ${item.date.display}`);
  if (item.locations.length > 1) notes.push(`Also held at: ${item.locations.slice(1).join('; ')}`);
  for (const publication of item.publications) notes.push(`Published in: ${publication}`);
  for (const contributor of item.contributors) {
    notes.push(`${contributor.role}: ${familyGivenName(contributor.name)}`);
  }
  return notes;
}

/** "1951/07/13", "1951/07", "1951": RIS dates, as many parts as are known. */
function risDate(parts: number[]): string {
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('/');
}

/** A value on one line: RIS has no continuation lines. */
function oneLine(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}
