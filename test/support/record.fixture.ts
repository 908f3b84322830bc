import type { ChanceryRecord } from '../../src/record/record.types.ts';

/** A small valid record for tests that need one; `overrides` replace top-level fields. */
export function makeRecord(overrides: Partial<ChanceryRecord> = {}): ChanceryRecord {
  return {
    id: 'test-1',
    title: 'Ciphered telegram, Roshchin to Filippov [Stalin]',
    type: 'ciphered-telegram',
    date: { display: 'May 14, 1950', min: '1950-05-14', max: '1950-05-14', certainty: 'exact' },
    authors: [{ name: 'Nikolai Roshchin', alias: null, personId: 'roshchin' }],
    recipients: [{ name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin' }],
    intermediaries: [],
    numbers: [{ kind: 'incoming', value: '2884' }],
    summary: 'A test record.',
    originalLanguage: 'ru',
    archivalLocations: [
      {
        repository: 'APRF',
        fond: '45',
        opis: '1',
        delo: '331',
        folios: { first: 54, last: 55 },
        raw: 'APRF, f. 45, op. 1, d. 331, ll. 54-55',
      },
    ],
    credits: [{ role: 'translator', name: 'Test Translator' }],
    rights: 'For tests only.',
    source: {
      file: 'test.txt',
      url: null,
      recordId: null,
      format: 'archive-page-text',
      sha256: 'a'.repeat(64),
    },
    texts: [
      {
        id: 'original',
        kind: 'original',
        language: 'ru',
        blocks: [{ id: 'b1', type: 'paragraph', text: 'Товарищ Филиппов!', marks: [] }],
      },
    ],
    handling: [],
    mentions: [],
    relations: [],
    alignments: [],
    collections: [],
    ...overrides,
  };
}
