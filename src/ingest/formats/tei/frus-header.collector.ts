import type { Collection } from '../../../record/record.types.ts';
import { detach } from '../../../texts/string.detach.ts';
import { TeiTextBuffer } from './tei-text.buffer.ts';

type Field =
  | 'complete'
  | 'series'
  | 'subSeries'
  | 'volumeNumber'
  | 'volumeTitle'
  | 'editor'
  | 'published'
  | 'publisher'
  | 'place'
  | 'idno';

/** `title/@type` as the older encoding writes it, and as the current one does (with hyphens). */
const TITLE_TYPES: Record<string, Field> = {
  complete: 'complete',
  series: 'series',
  subseries: 'subSeries',
  'sub-series': 'subSeries',
  volumenumber: 'volumeNumber',
  'volume-number': 'volumeNumber',
  volume: 'volumeTitle',
};

/**
 * Reads a FRUS volume's `teiHeader` (events from inside it) into the volume's collection: the
 * titles by type, the editors, the publication date and the volume id (`idno[@type="frus"]`).
 *
 * @example
 * const header = new FrusHeaderCollector();
 * // header.open('title', { type: 'series' }); header.text('Foreign Relations…'); header.close('title'); …
 * header.toCollection('frus1951v07p2');
 */
export class FrusHeaderCollector {
  private readonly values: Partial<Record<Field, string>> = {};
  private readonly editors: string[] = [];
  private field: Field | null = null;
  private buffer = new TeiTextBuffer();
  private inPublicationStmt = false;

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'publicationStmt') this.inPublicationStmt = true;
    if (this.field) return;
    const type = attributes.type ?? '';
    let field: Field | null = null;
    if (name === 'title') field = TITLE_TYPES[type] ?? null;
    else if (name === 'editor') field = 'editor';
    else if (name === 'idno' && type === 'frus') field = 'idno';
    else if (name === 'publisher' && this.inPublicationStmt) field = 'publisher';
    else if (name === 'pubPlace' && this.inPublicationStmt) field = 'place';
    else if (name === 'date' && this.inPublicationStmt && !this.values.published) {
      // The current encoding adds a content-date beside the publication date.
      if (type === '' || type === 'publication-date') field = 'published';
    }
    if (field) {
      this.field = field;
      this.buffer = new TeiTextBuffer();
    }
  }

  close(name: string): void {
    if (name === 'publicationStmt') this.inPublicationStmt = false;
    const field = this.field;
    if (!field || !isFieldElement(name, field)) return;
    // Header values outlive the file (the collection, every record's collection id): copied off the chunk.
    const value = detach(this.buffer.toString());
    if (field === 'editor') {
      if (value) this.editors.push(value);
    } else if (value && !this.values[field]) {
      this.values[field] = value;
    }
    this.field = null;
  }

  text(text: string): void {
    if (this.field) this.buffer.append(text);
  }

  /** The volume id the header gives (`idno[@type="frus"]`), if any. */
  get idno(): string | undefined {
    return this.values.idno;
  }

  toCollection(volumeId: string): Collection {
    const v = this.values;
    return {
      id: volumeId,
      title:
        v.complete ??
        ([v.series, v.subSeries, v.volumeTitle, v.volumeNumber].filter(Boolean).join(', ') || volumeId),
      kind: 'volume',
      series: v.series ?? null,
      subSeries: v.subSeries ?? null,
      volume: v.volumeNumber ?? null,
      editors: [...this.editors],
      published: v.published ?? null,
      publisher: v.publisher ?? null,
      place: v.place ?? null,
      description: v.volumeTitle ?? null,
    };
  }
}

function isFieldElement(name: string, field: Field): boolean {
  if (field === 'editor') return name === 'editor';
  if (field === 'idno') return name === 'idno';
  if (field === 'published') return name === 'date';
  if (field === 'publisher') return name === 'publisher';
  if (field === 'place') return name === 'pubPlace';
  return name === 'title';
}
