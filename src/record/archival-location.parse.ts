import type { ArchivalLocation, Folios } from './record.types.ts';

type Level = 'fond' | 'opis' | 'delo' | 'papka' | 'folios';

/** Abbreviations of the Russian archival hierarchy, in English transliteration and in Russian. */
const LEVELS: ReadonlyMap<string, Level> = new Map([
  ['f', 'fond'],
  ['fond', 'fond'],
  ['ф', 'fond'],
  ['op', 'opis'],
  ['оп', 'opis'],
  ['d', 'delo'],
  ['д', 'delo'],
  ['p', 'papka'],
  ['п', 'papka'],
  ['l', 'folios'],
  ['ll', 'folios'],
  ['л', 'folios'],
  ['лл', 'folios'],
]);

const VALUE = String.raw`\d[\dA-Za-zА-Яа-яЁё]*`;
const RANGE = String.raw`${VALUE}(?:\s*[-–—]\s*${VALUE})?`;
/**
 * One "abbreviation. value" part: "f. 059a", "op. 5a", "ll. 0043-0045", "л. 43об." A folio part
 * may list several ranges ("ll. 5, 7-9"). The letter before the abbreviation must not be a
 * letter, so that "Ref. 5" is not read as "f. 5".
 */
const PART = new RegExp(
  String.raw`(?<![\p{L}])(fond|ll|op|лл|оп|f|d|p|l|ф|д|п|л)\.\s*((?:${RANGE})(?:\s*,\s*(?!(?:fond|ll|op|лл|оп|f|d|p|l|ф|д|п|л)\.)${RANGE})*)`,
  'giu',
);

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
    const level = LEVELS.get((part[1] ?? '').toLowerCase());
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

function repositoryBefore(segment: string): { name: string; offsetFromEnd: number } | null {
  // The repository is the last piece before the fond: after the last ";", "," or ". ", minus a leading "and".
  const body = segment.replace(/[\s,.;]+$/, '');
  const last = body.split(/;|,|\.\s/).at(-1) ?? '';
  const name = last
    .replace(/^\s*(?:and|и)\s+/iu, '')
    .replace(/[\s,.]+$/, '')
    .trim();
  if (!name || name.length > 80) return null;
  return { name, offsetFromEnd: segment.length - body.lastIndexOf(name) };
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
