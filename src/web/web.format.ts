import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Agent, RecordDate, TextKind } from '../record/record.types.ts';
import { MONTH_NAMES } from '../texts/month.names.ts';

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * The English name of a BCP 47 language tag, for labels ("ru" → "Russian"). Falls back to the
 * tag itself for tags Intl does not know, and never throws on a malformed one.
 *
 * @example languageName('zh-Hans'); // 'Simplified Chinese'
 */
export function languageName(tag: string | null | undefined): string {
  if (!tag) return 'unknown language';
  try {
    return LANGUAGE_NAMES.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const TEXT_KIND_LABELS: Record<TextKind, string> = {
  original: 'Original',
  translation: 'Translation',
  draft: 'Draft',
  transcription: 'Transcription',
  ocr: 'OCR text',
};

/** "Original (Russian)", "Translation (English)", "Draft (Russian)". */
export function textHeading(text: { kind: TextKind; language: string }): string {
  return `${TEXT_KIND_LABELS[text.kind] ?? capitalize(text.kind)} (${languageName(text.language)})`;
}

/** "ciphered-telegram" → "Ciphered telegram". */
export function labelFromCode(code: string): string {
  return capitalize(code.replaceAll('-', ' '));
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * An ISO date or date-time as a reader says it, read from its digits rather than through `Date`,
 * so that no time zone shifts a 1951 cable to the day before.
 *
 * @example formatIsoDateTime('1951-07-13T15:00'); // '13 July 1951, 15:00'
 */
export function formatIsoDateTime(iso: string): string {
  const match = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hour, minute] = match;
  const monthName = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  const date = [day ? String(Number(day)) : null, monthName ?? null, year].filter(Boolean).join(' ');
  return hour && minute ? `${date}, ${hour}:${minute}` : date;
}

/** The ISO span of a record's date: "1951-07-13", or "1951-07-01 – 1951-07-31" for a month. */
export function isoRange(date: RecordDate): string | null {
  if (!date.min && !date.max) return null;
  if (!date.max || date.max === date.min) return date.min;
  if (!date.min) return `– ${date.max}`;
  return `${date.min} – ${date.max}`;
}

/**
 * How the archive writes an agent: the form the document used, then the person it stands for in
 * brackets ("Filippov [Stalin]"). The bracketed name is the editor's identification when the
 * source gave one, else the surname the authority file knows, else the preferred name.
 *
 * @example agentLabel({ name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin', raw: 'Cde. Filippov [Stalin]' }, index);
 * // 'Filippov [Stalin]'
 */
export function agentLabel(agent: Agent, authorities?: AuthorityIndex): string {
  if (!agent.alias) return agent.name;
  return `${agent.alias} [${identification(agent, authorities)}]`;
}

function identification(agent: Agent, authorities?: AuthorityIndex): string {
  const bracketed = agent.raw ? /[[(]([^\])]+)[\])]\s*$/u.exec(agent.raw)?.[1]?.trim() : undefined;
  if (bracketed) return bracketed;
  const person = agent.personId ? authorities?.get(agent.personId) : undefined;
  if (!person) return agent.name;
  const words = person.name.split(/\s+/u);
  const surname = words.at(-1);
  const known = words.length > 1 && person.names.some((n) => n.form === surname && n.kind !== 'pseudonym');
  return known && surname ? surname : person.name;
}
