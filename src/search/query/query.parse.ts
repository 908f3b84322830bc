import { ChanceryError } from '../../errors.ts';
import { QUERY_FIELDS, type QueryField, type QueryNode } from './query.types.ts';

/**
 * What one query may hold. Each bounds the work of a search (planning expands every name and
 * prefix; the index evaluates every term for every matching document): past them a query is
 * refused with the limit it broke, never left to run.
 */
export const QUERY_LIMITS = {
  /** Characters of the whole query. */
  length: 1000,
  /** Words, phrases, prefixes and fields together. */
  terms: 50,
  /** Levels of parentheses. */
  depth: 10,
  /** Prefixes (`negotiat*`): each matches every indexed word that starts so. */
  prefixes: 5,
  /** Letters a prefix needs before its `*`, in scripts written with spaces. */
  prefixLength: 3,
} as const;

/**
 * The query language, documented for users in `chancery search --help` and on the search page:
 *
 *   words            all required:              armistice Kaesong
 *   "a phrase"       words in this order:       "neutral countries"
 *   OR               either side:               Kaesong OR Panmunjom
 *   -word            excluded:                  armistice -Panmunjom
 *   prefix*          words starting so:         negotiat*
 *   ( … )            grouping:                  (Kaesong OR Panmunjom) armistice
 *   field:value      author: recipient: person: place: type: lang: archive: collection:
 *   date:FROM..TO    overlapping dates:         date:1951-07..1951-09, date:1951, date:..1950-06
 */
export const QUERY_SYNTAX_HELP = `Query syntax:
  words             all must occur                armistice Kaesong
  "a phrase"        words in this order           "neutral countries"
  A OR B            either                        Kaesong OR Panmunjom
  -word             must not occur                armistice -Panmunjom
  prefix*           words that start so           negotiat*
  ( ... )           grouping                      (Kaesong OR Panmunjom) agenda
  author:NAME       written by                    author:Stalin, author:"Mao Zedong"
  recipient:NAME    addressed to                  recipient:Filippov
  person:NAME       names a person in any role    person:"Kim Il Sung"
  place:NAME        names a place                 place:Kaesong
  type:TYPE         document type                 type:cable, type:telegram
  lang:CODE         has a text in this language   lang:ru
  archive:NAME      held by this archive          archive:RGASPI
  collection:ID     in this collection            collection:frus1951v07p2
  date:FROM..TO     date overlaps the range       date:1951-07..1951-09, date:1952, date:..1950-06
Names match every form and alias of a person or place: Stalin finds Filippov and Филиппов.
Limits: ${QUERY_LIMITS.length} characters, ${QUERY_LIMITS.terms} words, phrases and fields, ${QUERY_LIMITS.depth} levels of ( ),
${QUERY_LIMITS.prefixes} prefixes of at least ${QUERY_LIMITS.prefixLength} letters.`;

type TokenKind = 'word' | 'phrase' | 'or' | 'minus' | 'open' | 'close' | 'field';
interface Token {
  kind: TokenKind;
  text: string;
  position: number;
  field?: string;
  prefix?: boolean;
}

/**
 * Parses a query string into a tree. Throws `search.invalid_query` with the position and a way
 * to fix it when the query is malformed.
 *
 * @example parseQuery('author:Stalin "neutral countries" -India')
 */
export function parseQuery(input: string): QueryNode {
  if (input.length > QUERY_LIMITS.length) {
    throw new ChanceryError(
      'search.invalid_query',
      `The query is ${input.length} characters long; a query may have at most ${QUERY_LIMITS.length}.`,
    );
  }
  const tokens = tokenizeQuery(input);
  checkTerms(tokens);
  let index = 0;
  let depth = 0;
  const peek = () => tokens[index];
  const fail = (message: string, position: number): never => {
    throw new ChanceryError('search.invalid_query', `Query error at character ${position + 1}: ${message}`);
  };

  const parseOr = (): QueryNode => {
    const children = [parseAnd()];
    while (peek()?.kind === 'or') {
      const or = tokens[index++] as Token;
      if (!peek() || peek()?.kind === 'close' || peek()?.kind === 'or') {
        fail('OR needs a term on both sides, as in "Kaesong OR Panmunjom".', or.position);
      }
      children.push(parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'or', children };
  };

  const parseAnd = (): QueryNode => {
    const children: QueryNode[] = [];
    for (let token = peek(); token && token.kind !== 'or' && token.kind !== 'close'; token = peek()) {
      children.push(parseUnary());
    }
    if (children.length === 0) {
      const token = peek();
      fail(
        token ? `expected a term before "${token.text}".` : 'the query is empty.',
        token?.position ?? input.length,
      );
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
  };

  const parseUnary = (): QueryNode => {
    const token = peek() as Token;
    if (token.kind !== 'minus') return parsePrimary();
    index++;
    const next = peek();
    if (!next || next.kind === 'or' || next.kind === 'close' || next.kind === 'minus') {
      fail('"-" must stand right before the word to exclude, as in "-Panmunjom".', token.position);
    }
    return { kind: 'not', child: parsePrimary() };
  };

  const parsePrimary = (): QueryNode => {
    const token = tokens[index++] as Token;
    switch (token.kind) {
      case 'open': {
        if (++depth > QUERY_LIMITS.depth) {
          fail(
            `more than ${QUERY_LIMITS.depth} levels of parentheses; a query may nest at most ${QUERY_LIMITS.depth}.`,
            token.position,
          );
        }
        const inner = parseOr();
        depth--;
        if (peek()?.kind !== 'close') fail('a "(" is not closed; add ")".', token.position);
        index++;
        return inner;
      }
      case 'phrase':
        if (token.text.trim() === '') fail('the quotes hold nothing.', token.position);
        return { kind: 'phrase', text: token.text };
      case 'field':
        return parseField(token, fail);
      case 'word':
        return token.prefix ? { kind: 'prefix', text: token.text } : { kind: 'word', text: token.text };
      default:
        return fail(`unexpected "${token.text}".`, token.position);
    }
  };

  if (tokens.length === 0)
    fail('the query is empty; type words, "a phrase" or a field such as type:cable.', 0);
  const tree = parseOr();
  const rest = peek();
  if (rest)
    fail(`unexpected "${rest.text}"${rest.kind === 'close' ? ' (no "(" to close)' : ''}.`, rest.position);
  if (!hasPositive(tree)) {
    fail('a query of exclusions only finds nothing to exclude from; add a word or a field.', 0);
  }
  return tree;
}

/** The limits on terms and prefixes, checked on the tokens before anything is built of them. */
function checkTerms(tokens: Token[]): void {
  const terms = tokens.filter((t) => t.kind === 'word' || t.kind === 'phrase' || t.kind === 'field');
  if (terms.length > QUERY_LIMITS.terms) {
    throw new ChanceryError(
      'search.invalid_query',
      `The query has ${terms.length} words, phrases and fields; a query may have at most ${QUERY_LIMITS.terms}.`,
    );
  }
  const prefixes = terms.filter((t) => t.prefix);
  if (prefixes.length > QUERY_LIMITS.prefixes) {
    throw new ChanceryError(
      'search.invalid_query',
      `The query has ${prefixes.length} prefixes (words ending in *); a query may have at most ${QUERY_LIMITS.prefixes}.`,
    );
  }
  for (const prefix of prefixes) {
    const letters = prefix.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    // A character of Chinese or Japanese is a word's worth: one is enough there.
    const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(prefix.text);
    if (letters < QUERY_LIMITS.prefixLength && !unspaced) {
      throw new ChanceryError(
        'search.invalid_query',
        `Query error at character ${prefix.position + 1}: "${prefix.text}*" is too short a prefix; give at least ${QUERY_LIMITS.prefixLength} letters before the *, as in negotiat*.`,
      );
    }
  }
}

function parseField(token: Token, fail: (message: string, position: number) => never): QueryNode {
  const field = token.field?.toLowerCase() as QueryField;
  if (!QUERY_FIELDS.includes(field)) {
    fail(
      `unknown field "${token.field}:". Fields are ${QUERY_FIELDS.map((f) => `${f}:`).join(' ')}.`,
      token.position,
    );
  }
  const value = token.text.trim();
  if (value === '') fail(`"${field}:" needs a value, as in ${field}:${exampleFor(field)}.`, token.position);
  if (field !== 'date') return { kind: 'field', field, value };
  const range = parseDateRange(value);
  if (!range) {
    fail(
      `"${value}" is not a date or a range. Write date:1951, date:1951-07, date:1951-07-13 or date:1951-07..1951-09.`,
      token.position,
    );
  }
  return { kind: 'date', ...(range as { from: string | null; to: string | null }) };
}

function exampleFor(field: QueryField): string {
  return (
    { type: 'cable', lang: 'ru', date: '1951-07', collection: 'frus1951v07p2', archive: 'RGASPI' }[
      field as 'type'
    ] ?? 'Stalin'
  );
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "1951-07..1951-09" → { from: 1951-07-01, to: 1951-09-30 }; open ends are null. */
export function parseDateRange(value: string): { from: string | null; to: string | null } | null {
  const [left, right] = value.includes('..') ? value.split('..', 2) : [value, value];
  const from = left ? dateBound(left, 'start') : null;
  const to = right ? dateBound(right, 'end') : null;
  if ((left && !from) || (right && !to) || (!from && !to)) return null;
  if (from && to && from > to) return null;
  return { from, to };
}

function dateBound(text: string, side: 'start' | 'end'): string | null {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string?, string?];
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)
      ? null
      : `${year}-${month}-${day}`;
  }
  if (side === 'start') return `${year}-${month ?? '01'}-01`;
  const lastMonth = month ?? '12';
  const lastDay = new Date(Date.UTC(Number(year), Number(lastMonth), 0)).getUTCDate();
  return `${year}-${lastMonth}-${String(lastDay).padStart(2, '0')}`;
}

function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'not':
      return false;
    case 'and':
      return node.children.some(hasPositive);
    case 'or':
      return node.children.every(hasPositive);
    default:
      return true;
  }
}

function tokenizeQuery(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (start: number): string => {
    const end = input.indexOf('"', start + 1);
    if (end < 0) {
      throw new ChanceryError(
        'search.invalid_query',
        `Query error at character ${start + 1}: a quotation mark is not closed; add the closing ".`,
      );
    }
    i = end + 1;
    return input.slice(start + 1, end);
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === '“' || ch === '”') {
      const start = i;
      tokens.push({ kind: 'phrase', text: readQuoted(i).replace(/[“”]/g, ''), position: start });
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close', text: ch, position: i++ });
    } else if (ch === '-' && (i === 0 || /[\s(]/.test(input[i - 1] as string))) {
      tokens.push({ kind: 'minus', text: '-', position: i++ });
    } else {
      const start = i;
      while (i < input.length && !/[\s()"“”]/.test(input[i] as string)) i++;
      const word = input.slice(start, i);
      const field = /^([A-Za-z]+):(.*)$/.exec(word);
      if (field) {
        const value = field[2] === '' && input[i] === '"' ? readQuoted(i) : (field[2] as string);
        tokens.push({ kind: 'field', field: field[1] as string, text: value, position: start });
      } else if (word === 'OR' || word === '|') {
        tokens.push({ kind: 'or', text: word, position: start });
      } else if (word.endsWith('*') && word.length > 1) {
        tokens.push({ kind: 'word', text: word.slice(0, -1), position: start, prefix: true });
      } else {
        tokens.push({ kind: 'word', text: word, position: start });
      }
    }
  }
  return tokens;
}
