import table from '../../data/archives/repositories.json' with { type: 'json' };

/**
 * The archives whose names citations write out (`data/archives/repositories.json`), so that
 * "Archive of the President, Russian Federation" is read as APRF, and a reference with no
 * fond/opis/delo ("PRC FMA 109-00186-01") is known to name an archive at all.
 */

interface Form {
  /** The form as a citation writes it, folded for comparison. */
  folded: string;
  length: number;
  /** The abbreviation the record keeps for the archive, whichever form the citation wrote. */
  abbreviation: string;
}

const FORMS: readonly Form[] = table.repositories
  .flatMap((r) =>
    [r.abbreviation, ...r.forms].map((form) => ({
      folded: fold(form),
      length: form.length,
      abbreviation: r.abbreviation,
    })),
  )
  .sort((a, b) => b.length - a.length);

/** Case, spaces and dots do not tell archive names apart ("AVP RF", "AVPRF", "A.V.P. R.F."). */
function fold(text: string): string {
  return text.toLowerCase().replace(/[\s.]+/g, '');
}

/** "APRF", "AVP RF", "SAPMO-BArch", "РГАСПИ": capitals, short, no more than two spaces. */
export function isAbbreviation(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 2 &&
    t.length <= 16 &&
    (t.match(/\s/g)?.length ?? 0) <= 2 &&
    (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 &&
    !/\p{Ll}{4,}/u.test(t)
  );
}

/**
 * The abbreviation the table keeps for an archive name or abbreviation ("AVPRF", "АП РФ", "Archive
 * of the President of the Russian Federation"), or the name as written when the table does not know it.
 *
 * @example canonicalRepository('АП РФ') // 'APRF'
 */
export function canonicalRepository(name: string): string {
  const folded = fold(name);
  return FORMS.find((f) => f.folded === folded)?.abbreviation ?? name.trim();
}

/**
 * The archive a name ends with, when the table knows it: how many characters of `text` its form
 * takes (from the end), and the table's abbreviation for it.
 *
 * @example archiveAtEnd('… Archive, Archive of the President, Russian Federation') // { repository: 'APRF', length: 45 }
 */
export function archiveAtEnd(text: string): { repository: string; length: number } | null {
  const folded = fold(text);
  for (const form of FORMS) {
    if (!folded.endsWith(form.folded)) continue;
    // The match must start at a word boundary of the original text.
    const start = startOfFoldedSuffix(text, form.folded.length);
    if (start < 0 || (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? ''))) continue;
    return { repository: form.abbreviation, length: text.length - start };
  }
  return null;
}

/**
 * The archive a reference starts with ("PRC FMA 109-00186-01", "SAPMO-BArch, DY 30/3605"), and
 * where its name ends.
 */
export function archiveAtStart(text: string): { repository: string; length: number } | null {
  const folded = fold(text);
  for (const form of FORMS) {
    if (!folded.startsWith(form.folded)) continue;
    const end = endOfFoldedPrefix(text, form.folded.length);
    if (end < 0 || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    return { repository: form.abbreviation, length: end };
  }
  return null;
}

/** The index of `text` where its last `count` folded characters begin. */
function startOfFoldedSuffix(text: string, count: number): number {
  let left = count;
  for (let i = text.length - 1; i >= 0; i--) {
    if (/[\s.]/.test(text[i] ?? '')) continue;
    left--;
    if (left === 0) return i;
  }
  return -1;
}

/** The index of `text` just after its first `count` folded characters. */
function endOfFoldedPrefix(text: string, count: number): number {
  let left = count;
  for (let i = 0; i < text.length; i++) {
    if (/[\s.]/.test(text[i] ?? '')) continue;
    left--;
    if (left === 0) return i + 1;
  }
  return -1;
}
