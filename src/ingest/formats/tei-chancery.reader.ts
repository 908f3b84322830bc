import { ChanceryError } from '../../errors.ts';
import { CHANCERY_TEI_TYPE } from '../../tei/tei.export.ts';
import { readTeiRecord } from '../../tei/tei.import.ts';
import { childElements, parseXmlTree, type XmlElement } from '../../xml/xml.tree.ts';
import type { FormatReader, ReadItem, SourceInput } from './format.types.ts';

const MARKER = new RegExp(`<(?:TEI|teiCorpus)\\b[^>]*\\btype=["']${CHANCERY_TEI_TYPE}(?:-corpus)?["']`, 'u');
const TEI_NAMESPACE = /xmlns=["']http:\/\/www\.tei-c\.org\/ns\/1\.0["']/u;

/**
 * Chancery's own TEI: one record's document (`/documents/:id.tei.xml`) or a `teiCorpus` of them
 * (`chancery export --format tei`). Detected by the root's `type="chancery-record"` in the TEI
 * namespace, above the FRUS reader, which takes any TEI. Each record keeps the source it was
 * exported with.
 */
export const teiChanceryReader: FormatReader = {
  format: 'tei-chancery',
  maxBytes: 512 * 1024 * 1024,

  detect({ head }) {
    return MARKER.test(head) && TEI_NAMESPACE.test(head) ? 0.99 : 0;
  },

  async *read(file: SourceInput): AsyncIterable<ReadItem> {
    let root: XmlElement;
    try {
      root = parseXmlTree(await file.text());
    } catch (error) {
      throw new ChanceryError(
        'ingest.xml_malformed',
        `${file.name}: not well-formed XML (${(error as Error).message.split('\n')[0]}); the export looks damaged or cut short.`,
        { file: file.name },
      );
    }
    const documents = root.name === 'teiCorpus' ? childElements(root, 'TEI') : [root];
    for (const [index, tei] of documents.entries()) {
      try {
        yield { kind: 'record', record: readTeiRecord(tei) };
      } catch (error) {
        if (error instanceof ChanceryError) throw error;
        yield {
          kind: 'problem',
          problem: {
            code: 'ingest.xml_document',
            message: `TEI document ${index + 1}: ${(error as Error).message}; skipped.`,
            line: tei.line,
          },
        };
      }
    }
  },
};
