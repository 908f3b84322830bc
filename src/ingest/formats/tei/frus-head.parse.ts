import type { DocumentType } from '../../../record/record.types.ts';

/**
 * The wording with which FRUS heads begin, and the type each names. Order matters: the first
 * that matches wins ("Memorandum of Conversation" before "Memorandum").
 */
const HEAD_TYPES: [RegExp, DocumentType][] = [
  [/^editorial note\b/i, 'editorial-note'],
  [/\bintelligence estimate\b/i, 'intelligence-estimate'],
  [/^(?:circular |draft |joint )*telegrams?\b/i, 'telegram'],
  [/^(?:circular )?airgram\b/i, 'airgram'],
  [/^despatch\b/i, 'despatch'],
  [
    /^memorandum of (?:a |the )?(?:telephone )?(?:conversations?|conference)\b/i,
    'memorandum-of-conversation',
  ],
  [/^memorandum (?:of|on the substance of) discussions?\b/i, 'minutes'],
  [/^(?:memorandum for the )?record of (?:a |the )?(?:meeting|conversation)\b/i, 'minutes'],
  [/^(?:notes|minutes|summary minutes)\b(?: of)?/i, 'minutes'],
  [/^(?:memorandum|memoranda|aide-m[ée]moire|paper)\b/i, 'memorandum'],
  [/^(?:letter|personal letter)\b/i, 'letter'],
  // "Message From Chairman Kosygin to President Johnson", "Backchannel Message From …".
  [/^(?:backchannel |oral |personal )?messages?\b/i, 'letter'],
  [/^intelligence note\b/i, 'report'],
  [/^(?:national security council |progress |special )?report\b/i, 'report'],
  [/^(?:staff study|study|paper|draft paper|briefing paper)\b|\bposition paper\b/i, 'report'],
  [/^(?:statement|press release|joint communiqu[ée]|communiqu[ée])\b/i, 'statement'],
  [/^(?:address|remarks|speech)\b/i, 'speech'],
  [/^(?:diary entry|diary)\b/i, 'diary'],
  [/^(?:directive|national security action memorandum)\b/i, 'directive'],
  [/^instructions?\b/i, 'instruction'],
  [/^resolution\b/i, 'resolution'],
  [/^(?:note|note verbale)\b/i, 'note'],
];

/** "2. Memorandum of a Conversation…", "No. 383 Memorandum …": the encodings number the head. */
export function stripDocumentNumber(title: string): string {
  // "No. 383 Memorandum by …": the 1952–1954 volumes.
  return title.replace(/^(?:\d+[A-Za-z]?\.|No\.\s*\d+[A-Za-z]?)\s+/, '');
}

/**
 * A document's type from its head. Older volumes head a message only "The Ambassador in India
 * (Henderson) to the Secretary of State" and say what it was in the source note ("793B.00/1–1251:
 * Telegram") or with a despatch number in the opener ("No. 3113"); `hints` carries those.
 *
 * @example typeFromHead('3. Telegram From the Embassy in Korea to the Department of State') // 'telegram'
 */
export function typeFromHead(
  title: string,
  hints: { subtype?: string | undefined; sourceType?: string | null; despatchNumber?: string | null } = {},
): DocumentType {
  if (hints.subtype === 'editorial-note') return 'editorial-note';
  const head = stripDocumentNumber(title);
  for (const [pattern, type] of HEAD_TYPES) if (pattern.test(head)) return type;
  const sourceType = hints.sourceType?.toLowerCase() ?? '';
  if (sourceType.includes('telegram')) return 'telegram';
  if (sourceType.includes('airgram')) return 'airgram';
  if (hints.despatchNumber) return 'despatch';
  // "X to Y" with no kind named and no telegram or despatch marking: a letter.
  if (/\bto\b/.test(head)) return 'letter';
  return 'other';
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** ", Washington, January 7, 1955, 11:30 a.m." at the end of a head is place and date, not a recipient. */
const PLACE_AND_DATE = new RegExp(
  `(?:,\\s+[^,]+)*?,\\s+(?:${MONTHS})\\s+\\d{1,2}(?:–\\d{1,2})?,\\s+\\d{4}.*$`,
);

/**
 * ", November 2. Situation in light of …" after a sender and recipient: a listing of documents
 * (the microfiche supplements' "Memorandum from Hilsman to Rusk, November 2. …") gives a day
 * without a year, then what the document is about.
 */
const LISTED_DAY = new RegExp(`,\\s+(?:${MONTHS})\\s+\\d{1,2}\\.\\s.*$`);

/**
 * Sender and recipient as a head's wording gives them, for heads that do not mark them up:
 * "The Joint Chiefs of Staff to the Commander in Chief, Far East (MacArthur)", "Memorandum by
 * the Director … (Bonbright) and the Assistant Secretary … (Rusk) to the Secretary of State",
 * "Memorandum to the President's Special Assistant … (Cutler)". Conversations "Between X and Y"
 * have participants, not a sender, and give nothing.
 */
export function agentsFromWording(title: string): { from: string[]; to: string[] } {
  const head = stripDocumentNumber(title).replace(PLACE_AND_DATE, '').replace(LISTED_DAY, '').trim();
  if (/\bbetween\b/i.test(head)) return { from: [], to: [] };
  let body: string = head;
  if (HEAD_TYPES.some(([pattern]) => pattern.test(head))) {
    const sender = /\s(?:[Ff]rom|[Bb]y)\s+(.+)$/.exec(head);
    if (!sender?.[1]) {
      const recipient = /\s+to\s+(.+)$/.exec(head);
      return { from: [], to: recipient?.[1] ? splitAgents(recipient[1]) : [] };
    }
    body = sender[1];
  }
  const split = splitSenderRecipient(body);
  // An untyped head that names no recipient ("Department of State Position Paper") names no sender either.
  if (body === head && !split.to) return { from: [], to: [] };
  return { from: splitAgents(split.from), to: split.to ? splitAgents(split.to) : [] };
}

/** A post whose name goes on with "to": "Adviser to the …", "Special Assistant to the …". */
const POST_BEFORE_TO = /\b(?:Adviser|Advisor|Assistant|Consultant|Counselor|Aide|Delegate)$/;

function splitSenderRecipient(body: string): { from: string; to: string | null } {
  // "(Rankin) to the …" is the surest place; else the first " to " before a capital or "the".
  const afterName = /\)\s+to\s+/.exec(body);
  // Not the "to" of a post ("Homer M. Byington, Jr., Adviser to the United States Delegation"),
  // unless a holder in brackets ends the head: "…, Special Assistant to the Director … (Hickerson)".
  const holderEnds = /\)\s*$/.test(body);
  const plain = [...body.matchAll(/\s+to\s+(?=the\s|The\s|[A-Z])/g)].find(
    (m) => holderEnds || !POST_BEFORE_TO.test(body.slice(0, m.index)),
  );
  // "Prepared by the Central Intelligence Agency for the Senior Staff of the NSC": "for" addresses.
  const at = afterName ?? plain ?? /\s+for\s+(?=the\s)/.exec(body);
  if (!at) return { from: body, to: null };
  const fromEnd = afterName ? at.index + 1 : at.index;
  return { from: body.slice(0, fromEnd), to: body.slice(at.index + at[0].length) };
}

function splitAgents(text: string): string[] {
  return text
    .split(/\)\s+and\s+/)
    .map((part, i, all) => (i < all.length - 1 ? `${part})` : part))
    .map((part) =>
      part
        .replace(/^(?:the|an?)\s+/i, '')
        .replace(/[.,;:\s]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}
