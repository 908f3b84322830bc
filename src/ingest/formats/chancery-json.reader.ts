import { ChanceryError } from '../../errors.ts';
import { RECORD_LIMITS } from '../../record/record.limits.ts';
import { validateRecord } from '../../record/record.validate.ts';
import type { FormatReader, ReadItem, SourceInput } from './format.types.ts';
import { splitJsonValues } from './json-values.split.ts';

/**
 * Chancery's own canonical JSON: one record (`chancery show ID --json`, pretty-printed) or JSON
 * Lines of records (`chancery export --format json`), so that an export can be imported again
 * unchanged. Records keep the `source` they were exported with: the file read here is a copy, not
 * the source.
 *
 * Each record is checked against the record schema before it is used (record.validate.ts); a
 * record that is not valid JSON or not a valid record is reported with its line and left out, and
 * the others are read. A record larger than the documented limit (`RECORD_LIMITS.jsonChars`) is
 * refused before it is parsed.
 */
export const chanceryJsonReader: FormatReader = {
  format: 'chancery-json',

  detect({ head }) {
    const start = head.trimStart();
    if (!start.startsWith('{')) return 0;
    return /"id"\s*:/.test(start) && /"texts"\s*:/.test(start) && /"source"\s*:/.test(start) ? 0.95 : 0.1;
  },

  async *read(file: SourceInput): AsyncIterable<ReadItem> {
    let ordinal = 0;
    for await (const value of splitJsonValues(file.chunks(), { maxChars: RECORD_LIMITS.jsonChars })) {
      if (value.kind === 'stray') {
        yield problem('ingest.json_malformed', value.line, `${value.text}: not part of any record; skipped`);
        continue;
      }
      ordinal++;
      if (value.kind === 'too-large') {
        throw new ChanceryError(
          'ingest.too_large',
          `${file.name}, line ${value.line}: record ${ordinal} is more than ${(RECORD_LIMITS.jsonChars / 1e6).toFixed(0)} million characters of JSON, the limit of one record (README, "Limits"); split it.`,
          { file: file.name, line: value.line },
        );
      }
      if (value.kind === 'unterminated') {
        throw new ChanceryError(
          'ingest.truncated',
          `${file.name}: the JSON ends inside record ${ordinal} (begun on line ${value.line}); the file looks cut short.`,
          { file: file.name, line: value.line },
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(value.text);
      } catch (error) {
        yield problem(
          'ingest.json_malformed',
          value.line,
          `record ${ordinal} is not valid JSON: ${describeSyntaxError(error as Error, value)}; skipped`,
        );
        continue;
      }
      try {
        yield { kind: 'record', record: validateRecord(parsed, `record ${ordinal}`) };
      } catch (error) {
        if (!(error instanceof ChanceryError)) throw error;
        yield problem('record.invalid', value.line, `${error.message} Skipped.`);
      }
    }
  },
};

function problem(code: 'ingest.json_malformed' | 'record.invalid', line: number, message: string): ReadItem {
  return { kind: 'problem', problem: { code, message, line } };
}

/** V8's words for a JSON syntax error, with the line and column in the file where it can tell them. */
function describeSyntaxError(error: Error, value: { text: string; line: number }): string {
  const located = /^(.*?) in JSON at position (\d+)/su.exec(error.message);
  if (located) {
    const before = value.text.slice(0, Number(located[2]));
    const newlines = before.split('\n').length - 1;
    const column = before.length - before.lastIndexOf('\n');
    return `${lowerFirst(located[1] ?? '')} (line ${value.line + newlines}, column ${column})`;
  }
  const token = /^Unexpected token '(.+?)'/su.exec(error.message);
  if (token) return `${JSON.stringify(token[1])} where a JSON value should be`;
  return lowerFirst(error.message.split(/[,:]/)[0] ?? 'a syntax error');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
