import { archiveAtEnd, canonicalRepository, isAbbreviation } from './archive.names.ts';
import type { ArchivalLocation, Folios } from './record.types.ts';

type Level = 'fond' | 'opis' | 'delo' | 'papka' | 'folios';

/**
 * The levels of the Russian archival hierarchy as citations write them: abbreviated with a period
 * ("f.", "op.", "d.", "p.", "ll.", "ф.", "оп.", "д.", "п.", "лл."), or as words, in transliteration
 * and in Russian ("fond", "opis", "delo", "papka", "listy", "фонд", "опись", "дело", "папка", "листы").
 */
const LEVELS: ReadonlyMap<string, Level> = new Map([
  ['f', 'fond'],
  ['fond', 'fond'],
  ['ф', 'fond'],
  ['фонд', 'fond'],
  ['op', 'opis'],
  ['opis', 'opis'],
  ["opis'", 'opis'],
  ['оп', 'opis'],
  ['опись', 'opis'],
  ['d', 'delo'],
  ['delo', 'delo'],
  ['д', 'delo'],
  ['дело', 'delo'],
  ['p', 'papka'],
  ['papka', 'papka'],
  ['п', 'papka'],
  ['папка', 'papka'],
  ['l', 'folios'],
  ['ll', 'folios'],
  ['list', 'folios'],
  ['listy', 'folios'],
  ['л', 'folios'],
  ['лл', 'folios'],
  ['лист', 'folios'],
  ['листы', 'folios'],
]);

const WORDS = "fond|opis'?|delo|papka|listy|list|фонд|опись|дело|папка|листы|лист";
const ABBREVIATIONS = 'll|op|лл|оп|f|d|p|l|ф|д|п|л';
/** A level: a word, or an abbreviation with its period; a word may be followed by its abbreviation in brackets ("fond (f.)"). */
const LEVEL = String.raw`(?:${WORDS}|(?:${ABBREVIATIONS})\.)(?:\s*\((?:${ABBREVIATIONS})\.?\))?`;
const VALUE = String.raw`\d[\dA-Za-zА-Яа-яЁё]*`;
const RANGE = String.raw`${VALUE}(?:\s*[-–—]\s*${VALUE})?`;
/**
 * One "level value" part: "f. 059a", "op. 5a", "ll. 0043-0045", "л. 43об.", "fond 0100",
 * "listy (ll.) 9-17", "F. 39". A folio part may list several ranges ("ll. 5, 7-9"). The character
 * before the level must be no letter or digit, so that "Ref. 5" is not read as "f. 5".
 */
const PART = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${LEVEL})\s*:?\s*((?:${RANGE})(?:\s*,\s*(?!${LEVEL})${RANGE})*)(?![\p{L}\p{N}])`,
  'giu',
);

const LEVEL_AT_START = new RegExp(String.raw`^(?:${LEVEL})\s*:?\s*\d`, 'iu');

/** Whether a text starts with a level and its value ("Оп. 40", "fond 0100"): a reference goes on there. */
export function startsWithLevel(text: string): boolean {
  return LEVEL_AT_START.test(text);
}

/**
 * Finds every archival location (repository, fond, opis, delo, papka, folios) in a citation,
 * keeping each one's raw text. Locations are separated by ";" or "and"; the repository is the
 * name just before the fond ("Wilson Center Digital Archive, APRF, f. 45" → "APRF").
 *
 * @example parseArchivalLocations('RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045. Translated by Gary Goldberg.')
 * // [{ repository: 'RGASPI', fond: '558', opis: '11', delo: '340', papka: null, folios: { first: 43, last: 45 },
 * //    raw: 'RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045' }]
 */
export function parseArchivalLocations(text: string): ArchivalLocation[] {
  const parts = [...text.matchAll(PART)];
  const locations: ArchivalLocation[] = [];
  let current: { location: ArchivalLocation; start: number; end: number } | null = null;
  let boundary = 0;
  for (const part of parts) {
    const level = LEVELS.get(levelWord(part[1] ?? ''));
    const value = part[2] ?? '';
    const index = part.index ?? 0;
    const gap = current ? text.slice(current.end, index) : '';
    // A new location starts at a fond, or when something other than separators stands between parts.
    if (!current || level === 'fond' || !/^[\s,.]*$/.test(gap) || hasLevel(current.location, level)) {
      if (current) {
        locations.push(finish(current.location, text.slice(current.start, current.end)));
        boundary = current.end;
      }
      const repository = repositoryBefore(text.slice(boundary, index));
      const start = repository ? index - repository.offsetFromEnd : index;
      current = { location: { repository: repository?.name ?? '', raw: '' }, start, end: index };
    }
    if (level) assign(current.location, level, value);
    current.end = index + part[0].length;
  }
  if (current) locations.push(finish(current.location, text.slice(current.start, current.end)));
  return locations;
}

/**
 * Reads one location string ("AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99", "ф. 558, оп. 11, д. 340, л. 43").
 * A string with no fond/opis/delo parts is kept as a repository with its file designation.
 */
export function parseArchivalLocation(raw: string): ArchivalLocation {
  const [first] = parseArchivalLocations(raw);
  if (first) return first;
  const trimmed = raw.trim().replace(/[.;]$/, '');
  const comma = trimmed.indexOf(',');
  return comma < 0
    ? { repository: trimmed, raw: trimmed }
    : { repository: trimmed.slice(0, comma).trim(), file: trimmed.slice(comma + 1).trim(), raw: trimmed };
}

/** Folio ranges as numbers: "0043-0045" → 43..45; "5, 7-9" → 5..9; "43об." → 43. */
export function parseFolios(value: string): Folios | null {
  const numbers = [...value.matchAll(/\d+/g)].map((m) => Number(m[0]));
  const first = numbers[0];
  if (first === undefined) return null;
  return { first, last: Math.max(first, ...numbers) };
}

/** "fond (f.)" → "fond", "Ll." → "ll". */
function levelWord(level: string): string {
  return level
    .toLowerCase()
    .replace(/\s*\(.*$/, '')
    .replace(/\.$/, '');
}

/**
 * The repository named just before a location's first level: an acronym in brackets after the
 * name spelled out ("Archive of the President, Russian Federation (APRF)"), a name the table of
 * archives knows (every form it lists becomes the archive's one abbreviation), or the last piece before the
 * fond, after the last ";", "," or ". " ("Wilson Center Digital Archive, APRF" → "APRF"), without
 * a leading "and" or a trailing colon ("APRF:").
 */
function repositoryBefore(segment: string): { name: string; offsetFromEnd: number } | null {
  const body = segment.replace(/[\s,.;:]+$/, '');
  const bracketed = /\(([^()]{2,24})\)$/.exec(body);
  if (bracketed?.[1] && isAbbreviation(bracketed[1])) {
    const before = body.slice(0, bracketed.index).trimEnd();
    const known = archiveAtEnd(before);
    const start = known ? before.length - known.length : lastPieceStart(before);
    return { name: canonicalRepository(bracketed[1]), offsetFromEnd: segment.length - start };
  }
  const known = archiveAtEnd(body);
  if (known) return { name: known.repository, offsetFromEnd: segment.length - (body.length - known.length) };
  const start = lastPieceStart(body);
  const name = body
    .slice(start)
    .replace(/^\s*(?:and|и)\s+/iu, '')
    .trim();
  if (!name || name.length > 80) return null;
  return { name: canonicalRepository(name), offsetFromEnd: segment.length - body.lastIndexOf(name) };
}

/** Where the last piece of a citation starts: after its last ";", ",", ". " or ": ". */
function lastPieceStart(text: string): number {
  let start = 0;
  for (const m of text.matchAll(/;|,|\.\s|:\s/g)) start = (m.index ?? 0) + m[0].length;
  return start;
}

function hasLevel(location: ArchivalLocation, level: Level | undefined): boolean {
  return level !== undefined && location[level] !== undefined && location[level] !== null;
}

function assign(location: ArchivalLocation, level: Level, value: string): void {
  if (level === 'folios') location.folios = parseFolios(value);
  else location[level] = value.trim();
}

function finish(location: ArchivalLocation, raw: string): ArchivalLocation {
  return {
    repository: location.repository,
    fond: location.fond ?? null,
    opis: location.opis ?? null,
    delo: location.delo ?? null,
    papka: location.papka ?? null,
    folios: location.folios ?? null,
    raw: raw.trim(),
  };
}
