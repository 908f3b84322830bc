import { dedupeNumbers } from '../record/document-numbers.ts';
import { NUMBER_SIGN } from '../record/number-sign.ts';
import type { DocumentNumber, HandlingEvent, RecordDate } from '../record/record.types.ts';
import { dateTime, readWhen, referenceYearMonth, type When } from './custody.clock.ts';
import { copyNumbers, FORM_RULES } from './custody.forms.ts';

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
 * The seed cable's forms are read first, then the other forms English and Russian notes take
 * (src/texts/custody.forms.ts).
 *
 * @example parseCustody({ lines: ['Deciphered by Sudev 1615 13 July'], documentDate })
 * // events: [{ event: 'deciphered', at: '1951-07-13T16:15', agent: 'Sudev', raw: 'Deciphered by Sudev 1615 13 July' }]
 */
export function parseCustody(input: CustodyInput): Custody {
  const reference = referenceYearMonth(input.documentDate);
  const documentDay =
    input.documentDate?.min && input.documentDate.min === input.documentDate.max
      ? input.documentDate.min
      : null;
  const state: CustodyState = {
    events: [],
    numbers: [],
    unread: [],
    office: null,
    listing: false,
    at: (date, time) => dateTime(date, time, reference),
    when: (text) => {
      const when = readWhen(text, reference);
      // A time with no day ("Sent on 5:30 am") is a time on the day the document is dated.
      if (!when.at && when.clock && documentDay) return { ...when, at: `${documentDay}T${when.clock}` };
      return when;
    },
    push: (event) => pushEvent(state.events, event),
  };
  const lines = input.lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0);
  for (const [index, line] of lines.entries()) {
    const next = lines[index + 1];
    if (!RULES.some((rule) => rule(line, next, state))) state.unread.push(line);
  }
  return { events: state.events, numbers: dedupeNumbers(state.numbers), unread: state.unread };
}

/** What the rules share while reading the notes of one document, in order. */
export interface CustodyState {
  events: HandlingEvent[];
  numbers: DocumentNumber[];
  unread: string[];
  /** The office named by a "to the …" line, for the registration stamp that follows it. */
  office: string | null;
  /** A "Copies:" line without items: the numbered lines under it are its items. */
  listing: boolean;
  at: (date: string | undefined, time?: string) => string | null;
  /** The date and time in a note, resolved against the document's date. */
  when: (text: string) => When;
  /** Adds an event, or completes the one it continues ("Sent on 5:30 am" + "Issuing No. 812"). */
  push: (event: HandlingEvent) => void;
}

/** One form of service note: returns true when it read the line. */
export type Rule = (line: string, next: string | undefined, state: CustodyState) => boolean;

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

const SEED_RULES: readonly Rule[] = [
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
    // "14.5.50": a two-digit year the seed's form does not read is left to the wider reading.
    const at = state.at(m[4], m[3]) ?? state.when(`${m[3]} ${m[4]}`).at;
    state.events.push({ event, at, agent: (m[2] ?? '').trim(), number, raw: line });
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
      copyNumbers: [Number(m[1])],
      destination: (m[2] ?? '').trim(),
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
  const numbers = copyNumbers(m[1] ?? '');
  if (/^(?:the\s+)?file$/i.test(to))
    events.push({ event: 'filed', at: null, agent: null, copies: which, copyNumbers: numbers, raw });
  else
    events.push({
      event: 'distributed',
      at: null,
      agent: null,
      copies: `${which} to ${to}`,
      copyNumbers: numbers,
      destination: to,
      raw,
    });
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

const RULES: readonly Rule[] = [...SEED_RULES, ...FORM_RULES];

const MERGING = new Set<HandlingEvent['event']>(['sent', 'received', 'registered']);

/**
 * Two notes often tell one step between them ("Sent on 5:30 am" and "Issuing No. 812"): an event
 * of the same kind whose fields do not contradict the new one's is completed instead of repeated.
 */
function pushEvent(events: HandlingEvent[], event: HandlingEvent): void {
  const earlier = MERGING.has(event.event)
    ? events.find((e) => e.event === event.event && compatible(e, event))
    : undefined;
  if (!earlier) {
    events.push(event);
    return;
  }
  if (event.at && (!earlier.at || event.at.startsWith(earlier.at))) earlier.at = event.at;
  earlier.agent ??= event.agent;
  if (event.number) earlier.number ??= event.number;
  if (event.place) earlier.place ??= event.place;
  earlier.raw = `${earlier.raw}\n${event.raw}`;
}

function compatible(a: HandlingEvent, b: HandlingEvent): boolean {
  const agrees = (x: string | null | undefined, y: string | null | undefined) => !x || !y || x === y;
  const times = !a.at || !b.at || a.at.startsWith(b.at) || b.at.startsWith(a.at);
  return times && agrees(a.agent, b.agent) && agrees(a.number, b.number) && agrees(a.place, b.place);
}
