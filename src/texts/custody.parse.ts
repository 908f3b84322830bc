import { isoDay, parseDate } from '../record/date.parse.ts';
import { dedupeNumbers } from '../record/document-numbers.ts';
import { NUMBER_SIGN } from '../record/number-sign.ts';
import type { DocumentNumber, HandlingEvent, RecordDate } from '../record/record.types.ts';

export interface CustodyInput {
  /** Lines of a cable's header and footer (service notes), in page order. */
  lines: readonly string[];
  /** The document's date: it supplies the year the service notes leave out ("1615 13 July"). */
  documentDate: RecordDate | null;
}

export interface Custody {
  events: HandlingEvent[];
  /** Numbers the notes give the document: cable, incoming, outgoing, printing. */
  numbers: DocumentNumber[];
  /** Lines no rule understood, kept so that callers can report or store them. */
  unread: string[];
}

const NO = NUMBER_SIGN;
const TIME = String.raw`(\d{3,4}|\d{1,2}[:.]\d{2})`;
const DAY_MONTH = String.raw`(\d{1,2}\s+\p{L}+\.?(?:\s+\d{4})?|\p{L}+\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\.\d{1,2}(?:\.\d{2,4})?)`;

const VERBS: ReadonlyMap<string, HandlingEvent['event']> = new Map([
  ['deciphered', 'deciphered'],
  ['decoded', 'deciphered'],
  ['decrypted', 'deciphered'],
  ['ciphered', 'ciphered'],
  ['enciphered', 'ciphered'],
  ['encoded', 'ciphered'],
  ['printed', 'printed'],
  ['typed', 'printed'],
  ['sent', 'sent'],
  ['dispatched', 'sent'],
  ['transmitted', 'sent'],
  ['received', 'received'],
]);

/**
 * Reads the chain of custody from the service notes of a cable (its header and footer) into dated
 * events. A pure function of the lines and the document's date; one line may give one event, a
 * number, or context for the next line ("Copy Nº 2" / "to the IV Unit OS VKP(b) CC" / "Incoming Nº 545…").
 *
 * @example parseCustody({ lines: ['Deciphered by Sudev 1615 13 July'], documentDate })
 * // events: [{ event: 'deciphered', at: '1951-07-13T16:15', agent: 'Sudev', raw: 'Deciphered by Sudev 1615 13 July' }]
 */
export function parseCustody(input: CustodyInput): Custody {
  const reference = referenceYearMonth(input.documentDate);
  const state: State = {
    events: [],
    numbers: [],
    unread: [],
    office: null,
    at: (date, time) => dateTime(date, time, reference),
  };
  const lines = input.lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0);
  for (const [index, line] of lines.entries()) {
    const next = lines[index + 1];
    if (!RULES.some((rule) => rule(line, next, state))) state.unread.push(line);
  }
  return { events: state.events, numbers: dedupeNumbers(state.numbers), unread: state.unread };
}

interface State {
  events: HandlingEvent[];
  numbers: DocumentNumber[];
  unread: string[];
  /** The office named by a "to the …" line, for the registration stamp that follows it. */
  office: string | null;
  at: (date: string | undefined, time?: string) => string | null;
}

/** One form of service note: returns true when it read the line. */
type Rule = (line: string, next: string | undefined, state: State) => boolean;

const pattern = (source: string) => new RegExp(`^${source}$`, 'iu');
const CABLE_NUMBER = pattern(String.raw`(CABLE|TELEGRAM|CIPHERED TELEGRAM|CIPHER TELEGRAM)\s+${NO}(\S+)`);
const RECEIVED = pattern(String.raw`(?:from\s+(.+?)\s+)?received\s+${TIME}\s+${DAY_MONTH}\.?`);
const DONE_BY = pattern(String.raw`(\p{L}+)\s+by\s+(.+?)\s+${TIME}\s+${DAY_MONTH}(?:\s+${NO}(\S+))?\.?`);
const COPIES_MADE = /^(\p{L}+|\d+)\s+cop(?:y|ies)\s+(?:printed|made|typed)\.?\s*(.*)$/iu;
const COPY_TO = pattern(String.raw`cop(?:y|ies)\s+${NO}(.+?)\s+to\s+(.+?)\.?`);
const NUMBER_TO = pattern(String.raw`${NO}(\d+)\s+to\s+(.+)`);
const COPY_NUMBER = pattern(String.raw`copy\s+${NO}\d+`);
const TO_OFFICE = /^to\s+(?:the\s+)?(.+)$/iu;
const INCOMING = pattern(String.raw`incoming\s+${NO}(\S+?)(?:\s+(.+?))?\]?`);
const OUTGOING = pattern(String.raw`outgoing\s+${NO}(\S+?)(?:\s+(.+?))?`);
const BARE_NUMBER = pattern(String.raw`${NO}(\d[\w/-]*)`);
const SIGNATURE = /^(.*?)\s*\[signature\]\s*\(([^)]+)\)\.?$/iu;

const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map((w, i) => [
    w,
    String(i + 1),
  ]),
);

const RULES: readonly Rule[] = [
  (line, _next, state) => {
    const m = CABLE_NUMBER.exec(line);
    if (!m) return false;
    state.numbers.push({
      kind: /cipher/i.test(m[1] ?? '') ? 'ciphered-telegram' : 'cable',
      value: clean(m[2]),
    });
    return true;
  },
  (line, _next, state) => {
    const m = RECEIVED.exec(line);
    if (!m) return false;
    state.events.push({
      event: 'received',
      at: state.at(m[3], m[2]),
      agent: null,
      place: placeName(m[1]),
      raw: line,
    });
    return true;
  },
  (line, _next, state) => {
    const m = DONE_BY.exec(line);
    const event = VERBS.get((m?.[1] ?? '').toLowerCase());
    if (!m || !event) return false;
    const number = m[5] ? clean(m[5]) : null;
    state.events.push({ event, at: state.at(m[4], m[3]), agent: (m[2] ?? '').trim(), number, raw: line });
    if (number) state.numbers.push({ kind: event === 'printed' ? 'printing' : event, value: number });
    return true;
  },
  (line, _next, state) => {
    const m = COPIES_MADE.exec(line);
    if (!m) return false;
    const count = m[1] ?? '';
    const copies = NUMBER_WORDS.get(count.toLowerCase()) ?? count;
    state.events.push({ event: 'copied', at: null, agent: null, copies, raw: line });
    const rest = (m[2] ?? '').trim();
    if (rest && !readCopiesTo(rest, line, state.events)) state.unread.push(rest);
    return true;
  },
  (line, _next, state) => readCopiesTo(line, line, state.events),
  (line, _next, state) => {
    const m = NUMBER_TO.exec(line);
    if (!m) return false;
    state.events.push({
      event: 'distributed',
      at: null,
      agent: null,
      copies: `Nº ${m[1]} to ${m[2]}`,
      raw: line,
    });
    return true;
  },
  // The copy this page is; the stamp that follows says where it was registered.
  (line) => COPY_NUMBER.test(line),
  (line, next, state) => {
    const m = TO_OFFICE.exec(line);
    if (!m || !next || !/^incoming\b/i.test(next)) return false;
    state.office = (m[1] ?? '').trim();
    return true;
  },
  (line, _next, state) => {
    const m = INCOMING.exec(line);
    if (!m) return false;
    const value = clean(m[1]);
    state.numbers.push({ kind: 'incoming', value });
    state.events.push({
      event: 'registered',
      at: state.at(m[2]),
      agent: null,
      place: state.office,
      number: value,
      raw: line,
    });
    state.office = null;
    return true;
  },
  (line, _next, state) => {
    const m = OUTGOING.exec(line);
    if (!m) return false;
    const value = clean(m[1]);
    state.numbers.push({ kind: 'outgoing', value });
    state.events.push({ event: 'sent', at: state.at(m[2]), agent: null, number: value, raw: line });
    return true;
  },
  // The sender's number, with its date on the next line, closes the text of a cable.
  (line, next, state) => {
    const m = BARE_NUMBER.exec(line);
    if (!m) return false;
    const value = clean(m[1]);
    const dated = next && !BARE_NUMBER.test(next) ? state.at(next) : null;
    state.numbers.push({ kind: 'outgoing', value });
    state.events.push({
      event: 'sent',
      at: dated,
      agent: null,
      number: value,
      raw: dated ? `${line}\n${next}` : line,
    });
    return true;
  },
  // The date line of the sender's number, already read with it.
  (line, _next, state) => state.events.at(-1)?.raw.endsWith(`\n${line}`) === true,
  (line, _next, state) => {
    const m = SIGNATURE.exec(line);
    if (!m) return false;
    signOff(state.events, (m[2] ?? '').trim(), line);
    return true;
  },
];

/** "Copies Nº 3 and 4 to file" → filed; "Copy Nº 1 to Cde. Stalin" → distributed. */
function readCopiesTo(text: string, raw: string, events: HandlingEvent[]): boolean {
  const m = COPY_TO.exec(text);
  if (!m) return false;
  const which = `Nº ${(m[1] ?? '').trim()}`;
  const to = (m[2] ?? '').trim();
  if (/^(?:the\s+)?file$/i.test(to))
    events.push({ event: 'filed', at: null, agent: null, copies: which, raw });
  else events.push({ event: 'distributed', at: null, agent: null, copies: `${which} to ${to}`, raw });
  return true;
}

/**
 * An officer's signature under the notes ("COLONEL [signature] (Makarov)") vouches for the step
 * above it: it names the agent of the last event that has none, or stands as its own entry.
 */
function signOff(events: HandlingEvent[], name: string, line: string): void {
  const last = events.at(-1);
  if (last && last.agent === null) {
    last.agent = name;
    last.raw = `${last.raw}\n${line}`;
  } else {
    events.push({ event: 'registered', at: null, agent: name, raw: line });
  }
}

function referenceYearMonth(date: RecordDate | null): { year: number; month: number } | null {
  const iso = date?.min ?? date?.max;
  const m = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * "13 July" + "1615" → "1951-07-13T16:15", the year taken from the document. A note dated in
 * January on a December document was written the year after.
 */
function dateTime(
  date: string | undefined,
  time: string | undefined,
  reference: { year: number; month: number } | null,
): string | null {
  if (!date) return null;
  const parsed = parseDate(date, reference ? { defaultYear: reference.year } : {});
  if (!parsed?.min || parsed.min !== parsed.max) return null;
  let day = parsed.min;
  const written = /\d{4}/.test(date);
  if (!written && reference) {
    const month = Number(day.slice(5, 7));
    if (month - reference.month < -6) day = isoDay(reference.year + 1, month, Number(day.slice(8, 10)));
  }
  const clock = time ? parseClock(time) : null;
  return clock ? `${day}T${clock}` : day;
}

function parseClock(time: string): string | null {
  const digits = time.replace(/[:.]/, '').padStart(4, '0');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 24 || minutes > 59) return null;
  return `${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

/** "[BEIJING]" → "Beijing": the place a cable came from, as a name. */
function placeName(raw: string | undefined): string | null {
  const name = (raw ?? '').replace(/[[\]]/g, '').trim();
  if (!name) return null;
  return name === name.toUpperCase()
    ? name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, s, c) => s + c.toUpperCase())
    : name;
}

function clean(value: string | undefined): string {
  return (value ?? '').replace(/[\].,;]+$/, '');
}
