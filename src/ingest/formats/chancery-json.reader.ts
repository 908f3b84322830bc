import { ChanceryError } from '../../errors.ts';
import { validateRecord } from '../../record/record.validate.ts';
import type { FormatReader, ReadItem, SourceInput } from './format.types.ts';

/**
 * Chancery's own canonical JSON: one record (`chancery show ID --json`) or JSON Lines of records
 * (`chancery export --format json`), so that an export can be imported again unchanged. Records
 * keep the `source` they were exported with: the file read here is a copy, not the source.
 */
export const chanceryJsonReader: FormatReader = {
  format: 'chancery-json',

  detect({ head }) {
    const start = head.trimStart();
    if (!start.startsWith('{')) return 0;
    return /"id"\s*:/.test(start) && /"texts"\s*:/.test(start) && /"source"\s*:/.test(start) ? 0.95 : 0.1;
  },

  async *read(file: SourceInput): AsyncIterable<ReadItem> {
    let lineNumber = 0;
    let buffered = '';
    for await (const line of readLines(file)) {
      lineNumber++;
      if (buffered === '' && line.trim() === '') continue;
      buffered += `${line}\n`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(buffered);
      } catch {
        // A pretty-printed record spans lines: keep reading until the object closes.
        continue;
      }
      buffered = '';
      yield { kind: 'record', record: validateRecord(parsed, `${file.name}, line ${lineNumber}`) };
    }
    if (buffered.trim() !== '') {
      throw new ChanceryError(
        'ingest.truncated',
        `${file.name}: the JSON ends inside a record (after line ${lineNumber}); the file looks cut short.`,
        { file: file.name, line: lineNumber },
      );
    }
  },
};

async function* readLines(file: SourceInput): AsyncIterable<string> {
  let rest = '';
  for await (const chunk of file.chunks()) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  if (rest) yield rest;
}
