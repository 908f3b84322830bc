/** A piece of a stream of JSON values, with the line it starts on (1-based). */
export type JsonPiece =
  /** One whole value (an object or an array), as written. */
  | { kind: 'value'; text: string; line: number }
  /** Text between values that begins none (its first characters). */
  | { kind: 'stray'; text: string; line: number }
  /** A value longer than `maxChars`: nothing more is read. */
  | { kind: 'too-large'; line: number }
  /** The input ends inside a value. */
  | { kind: 'unterminated'; line: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
/** Characters of stray text kept for a message. */
const STRAY_CHARS = 60;

/**
 * Splits a stream of JSON values (JSON Lines, or pretty-printed records one after another) into
 * the values, in one pass over the characters: braces and brackets are counted outside strings,
 * so a value is parsed once, when it closes, whatever the number of its lines. Memory: the value
 * being read, up to `maxChars`.
 *
 * @example for await (const piece of splitJsonValues(file.chunks(), { maxChars: 64e6 })) if (piece.kind === 'value') JSON.parse(piece.text);
 */
export async function* splitJsonValues(
  chunks: AsyncIterable<string>,
  options: { maxChars: number },
): AsyncIterable<JsonPiece> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let size = 0;
  let start = 0;
  let stray = '';
  let strayLine = 0;
  for await (const chunk of chunks) {
    let from = depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (depth > 0) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            parts.push(chunk.slice(from, i + 1));
            yield { kind: 'value', text: parts.join(''), line: start };
            parts = [];
            size = 0;
            from = -1;
          }
        }
      } else if (c === 0x7b || c === 0x5b) {
        if (stray) yield { kind: 'stray', text: stray.trim(), line: strayLine };
        stray = '';
        depth = 1;
        inString = false;
        escaped = false;
        from = i;
        start = line;
      } else if (c === NEWLINE && stray) {
        yield { kind: 'stray', text: stray.trim(), line: strayLine };
        stray = '';
      } else if (stray || !isSpace(c)) {
        if (!stray) strayLine = line;
        if (stray.length < STRAY_CHARS) stray += chunk[i];
      }
    }
    if (depth > 0) {
      parts.push(chunk.slice(from));
      size += chunk.length - from;
      if (size > options.maxChars) {
        yield { kind: 'too-large', line: start };
        return;
      }
    }
  }
  if (stray.trim()) yield { kind: 'stray', text: stray.trim(), line: strayLine };
  if (depth > 0) yield { kind: 'unterminated', line: start };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === NEWLINE || c === 0x0d || c === 0xfeff;
}
