import { familyGivenName } from './citation.names.ts';
import { risNotes } from './citation.ris.ts';
import type { CitationItem, CitationName } from './citation.types.ts';

/**
 * The citation as biblatex: `@incollection` for a document in an edition (`booktitle`, `editor`,
 * `series`, `volume`, `publisher`, `location`, `date`, `pages`, the document number as `chapter`,
 * the document's own date as `origdate`), `@unpublished` for an archival document (`type` its
 * kind, `library` the archive and location, `howpublished` the digital archive, `translator`).
 * Dates are ISO 8601 (`date = {1951-07-13}`), never a `month` field; names are "Family, Given".
 *
 * @example formatBibtex(item).startsWith('@unpublished{da-726b9b4bc6e2,') // true
 */
export function formatBibtex(item: CitationItem): string {
  const fields: [string, string | null | undefined][] = [];
  const add = (name: string, value: string | null | undefined) => fields.push([name, value]);
  add('title', item.title);
  add('author', names(item.authors));
  if (item.kind === 'edition' && item.edition) {
    const edition = item.edition;
    add('booktitle', edition.title);
    add('editor', names(edition.editors));
    add('series', edition.series);
    add('volume', edition.volume);
    add('publisher', edition.publisher);
    add('location', edition.place);
    add('date', edition.year);
    add('chapter', item.number);
    add('pages', item.pages?.replace('–', '--'));
    add('origdate', item.date.parts ? isoDate(item.date.parts) : null);
  } else {
    add('date', item.date.parts ? isoDate(item.date.parts) : null);
    add('type', item.genre);
    add('library', [item.archive, item.archiveLocation].filter(Boolean).join(', ') || null);
    add('howpublished', item.publisher);
  }
  add('translator', names(item.translators));
  add('language', item.language);
  add('abstract', item.abstract);
  const notes = risNotes(item).filter((note) => !note.startsWith('Document date:'));
  add('addendum', notes.length > 0 ? notes.join('. ') : null);
  add('url', item.url);
  add('urldate', isoDate(item.accessed));
  const body = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `  ${name} = {${name === 'url' ? value : escapeLatex(value)}}`)
    .join(',\n');
  const entryType = item.kind === 'edition' ? 'incollection' : 'unpublished';
  return `@${entryType}{${citationKey(item.id)},\n${body}\n}\n`;
}

/** "Mao, Zedong and Goldberg, Gary"; a body in braces so that it is not taken apart. */
function names(list: CitationName[]): string | null {
  if (list.length === 0) return null;
  return list
    .map((name) =>
      'literal' in name ? `{${escapeLatex(name.literal)}}` : escapeLatex(familyGivenName(name)),
    )
    .join(' and ');
}

/** The record id as a key: letters, digits and `-_:.` only. */
export function citationKey(id: string): string {
  return id.replace(/[^\w:.-]+/gu, '_');
}

function isoDate(parts: number[]): string {
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}

/** TeX's special characters, so that a title with "&" or "%" neither breaks nor hides the entry. */
function escapeLatex(value: string): string {
  return value
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\\{}%&$#_~^]/gu, (ch) => LATEX_ESCAPES[ch] ?? ch);
}

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
