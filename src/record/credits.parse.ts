import type { Credit, CreditRole } from './record.types.ts';

/**
 * "Translated by X", "Transcribed by X", … as archive pages print them in the citation. The name
 * runs to the end of the sentence; a capital followed by a period is an initial, not an end.
 */
const BY_LINES: readonly [RegExp, CreditRole][] = [
  [/\bTranslated\s+(?:from\s+\p{L}+\s+)?(?:for\s+.+?\s+)?by\s+/giu, 'translator'],
  [/\bTranscribed\s+(?:for\s+.+?\s+)?by\s+/giu, 'transcriber'],
  [/\b(?:Edited|Annotated)\s+(?:for\s+.+?\s+)?by\s+/giu, 'editor'],
  [/\b(?:Contributed|Obtained|Donated|Provided)\s+(?:(?:for|to)\s+.+?\s+)?by\s+/giu, 'contributor'],
];

const FUNDER =
  /\b(?:made\s+possible\s+with\s+(?:the\s+)?(?:generous\s+)?support\s+(?:from|of)|funded\s+by)\s+/giu;

/**
 * Credits a page states in running text: translators, transcribers, editors and contributors
 * from "… by X" sentences, funders from "This document was made possible with support from X".
 *
 * @example parseCredits('RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045. Translated by Gary Goldberg.')
 * // [{ role: 'translator', name: 'Gary Goldberg' }]
 */
export function parseCredits(text: string): Credit[] {
  const credits: Credit[] = [];
  for (const [pattern, role] of BY_LINES) {
    for (const name of namesAfter(text, pattern)) credits.push({ role, name });
  }
  for (const name of namesAfter(text, FUNDER, false)) credits.push({ role: 'funder', name });
  return dedupeCredits(credits);
}

/** Keeps the first of credits with the same role and name. */
export function dedupeCredits(credits: Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${credit.role}|${credit.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The archive's reuse statement: from the sentence that says it "welcomes reuse" (or holds the
 * rights) up to and including the one that asks readers to contact the program ("… please
 * contact the History and Public Policy Program at"), line breaks made spaces.
 */
export function parseRights(text: string): string | null {
  const keyword = text.search(/\b(?:welcomes\s+reuse|rights\s+holders?|copyright)\b/i);
  if (keyword < 0) return null;
  // Back to the start of its sentence or line (a pattern that looked backwards from every
  // character would be quadratic on a long line without the words).
  const start = Math.max(text.lastIndexOf('.', keyword - 1), text.lastIndexOf('\n', keyword - 1)) + 1;
  const rest = text.slice(start);
  // The statement ends with the line that asks readers to get in touch; what follows are record fields.
  const contact = /\bplease\s+contact\b[^\n]*/i.exec(rest);
  const end = contact ? (contact.index ?? 0) + contact[0].length : rest.length;
  return rest.slice(0, end).replace(/\s+/g, ' ').trim() || null;
}

function namesAfter(text: string, pattern: RegExp, splitList = true): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const name = sentenceEnd(text.slice((match.index ?? 0) + match[0].length));
    const list = splitList ? name.split(/\s*,\s*|\s+and\s+/) : [name];
    names.push(...list.map(cleanName).filter((n) => n.length > 0));
  }
  return names;
}

/**
 * Up to the end of the sentence or line; "Gary F. Goldberg" keeps its initial. Within the first
 * 300 characters: names are shorter, and many matches on one long line stay linear.
 */
function sentenceEnd(text: string): string {
  const head = text.slice(0, 300);
  const newline = head.indexOf('\n');
  const line = (newline < 0 ? head : head.slice(0, newline)).replace(/\r$/, '');
  const end = /(?<!(?:^|[\s(])\p{Lu})\.(?=\s|$)/u.exec(line);
  return end ? line.slice(0, end.index) : line;
}

function cleanName(name: string): string {
  return name
    .replace(/^the\s+(?=\p{Lu})/u, '')
    .replace(/[\s.;,]+$/, '')
    .trim();
}
