import type { ArchivalLocation } from '../../../record/record.types.ts';

const CLASSIFICATIONS: [RegExp, string][] = [
  [/^top secret\b/i, 'Top Secret'],
  [/^secret\b/i, 'Secret'],
  [/^confidential\b/i, 'Confidential'],
  [/^restricted\b/i, 'Restricted'],
  [/^limited official use\b/i, 'Limited Official Use'],
  [/^official use only\b/i, 'Official Use Only'],
  [/^unclassified\b/i, 'Unclassified'],
];

/**
 * The security classification at the start of a phrase ("top secret priority" → "Top Secret",
 * "Secret; Priority." → "Secret"), or null when the phrase is no classification.
 */
export function readClassification(phrase: string): string | null {
  const text = phrase.trim();
  for (const [pattern, value] of CLASSIFICATIONS) if (pattern.test(text)) return value;
  return null;
}

/** What kind of message an older source note names after the file ("…/1–1251: Telegram"). */
const MESSAGE_KIND = /:\s*((?:circular\s+)?(?:telegrams?|airgrams?))\s*$/i;

/**
 * Reads a FRUS source note into an archival location.
 *
 * The current encoding (and later volumes of the older one) write "Source: Department of State,
 * Central Files, 611.95B/1–855. Secret. Repeated to Tokyo.": repository, file, then the
 * classification as a sentence of its own. Earlier volumes write only the file ("793B.00/1–1251:
 * Telegram", "S/P Files: Lot 64 D 563") and print the classification in the opener; the
 * repository is then the Department of State, by the series' convention that unnamed files are
 * its own (decimal Central Files and lot files).
 *
 * @example
 * readSourceNote('Source: Department of State, Central Files, 611.95B/1–855. Secret. Repeated to Tokyo.')
 * // { repository: 'Department of State', file: 'Central Files, 611.95B/1–855', classification: 'Secret', raw: … }
 */
export function readSourceNote(raw: string): { location: ArchivalLocation; messageKind: string | null } {
  const text = raw.trim();
  const sourced = /^source:\s*/i.exec(text);
  if (sourced) return { location: readSourcedNote(text, text.slice(sourced[0].length)), messageKind: null };
  const kind = MESSAGE_KIND.exec(text);
  const place = (kind ? text.slice(0, kind.index) : text).trim();
  const messageKind = kind?.[1]?.toLowerCase() ?? null;
  const defence = /^Department of Defense\b(?:\s+Files)?[,:]?\s*/.exec(place);
  if (defence) {
    return {
      location: {
        repository: 'Department of Defense',
        file: place.slice(defence[0].length) || null,
        raw: text,
      },
      messageKind,
    };
  }
  const stateFiles = /^\d{3}|\bLot\b|^INR/.test(place);
  const colon = place.indexOf(':');
  const location: ArchivalLocation = stateFiles
    ? { repository: 'Department of State', file: place || null, raw: text }
    : {
        repository: colon > 0 ? place.slice(0, colon).trim() : place,
        file: colon > 0 ? place.slice(colon + 1).trim() : null,
        raw: text,
      };
  return { location, messageKind };
}

function readSourcedNote(raw: string, body: string): ArchivalLocation {
  const sentences = splitSentences(body);
  const classificationAt = sentences.findIndex((s) => readClassification(s) !== null);
  const placeSentences = classificationAt > 0 ? sentences.slice(0, classificationAt) : sentences.slice(0, 1);
  const place = placeSentences.join(' ').replace(/\.$/, '').trim();
  const comma = place.indexOf(',');
  const classification = classificationAt >= 0 ? readClassification(sentences[classificationAt] ?? '') : null;
  // "Department of Defense Files" names the repository and no file in it, as in the older notes.
  if (/^Department of Defense Files?$/.test(place)) {
    return { repository: 'Department of Defense', file: null, classification, raw };
  }
  return {
    repository: comma > 0 ? place.slice(0, comma).trim() : place,
    file: comma > 0 ? place.slice(comma + 1).trim() : null,
    classification,
    raw,
  };
}

/**
 * Sentences of a note. A full stop ends one only before a space and a capital, and not after an
 * initial or a common abbreviation, so "611.95B/1–855" and "U.S. Army" stay whole.
 */
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /([.;])\s+(?=[A-Z[(“"])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const before = text.slice(start, m.index);
    if (m[1] === '.' && /(?:\b[A-Z]|\b(?:U\.S|Mr|Mrs|Dr|Gen|No|vol|St|Lt|Col|Adm))$/.test(before)) continue;
    sentences.push(text.slice(start, m.index + 1).trim());
    start = m.index + m[0].length;
  }
  if (start < text.length) sentences.push(text.slice(start).trim());
  return sentences.filter(Boolean);
}
