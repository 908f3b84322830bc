import { ChanceryError } from '../../errors.ts';
import { validateRecord } from '../../record/record.validate.ts';
import { CHANCERY_TEI_TYPE } from '../../tei/tei.export.ts';
import { readTeiRecord } from '../../tei/tei.import.ts';
import { declaredEntities, describeXmlReason, entityRefusal } from '../../xml/xml.entities.ts';
import { childElements, parseXmlTree, type XmlElement, XmlTooDeepError } from '../../xml/xml.tree.ts';
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
      root = parseXmlTree(await file.text(), { onDoctype: (doctype) => refuseEntities(file, doctype) });
    } catch (error) {
      if (error instanceof ChanceryError) throw error;
      if (error instanceof XmlTooDeepError) {
        throw new ChanceryError(
          'ingest.xml_too_deep',
          `${file.name}: ${error.message}, the limit (README, "Limits"); no record is nested so deep: the export looks damaged.`,
          { file: file.name },
        );
      }
      // saxes: "26:1: disallowed character."
      const [, line, column, reason = ''] =
        /^(?:(\d+):(\d+): )?(.*)$/s.exec((error as Error).message.split('\n')[0] ?? '') ?? [];
      const where = line ? `line ${line}, column ${column}: ` : '';
      throw new ChanceryError(
        'ingest.xml_malformed',
        `${file.name}: not well-formed XML (${where}${describeXmlReason(reason).replace(/\.$/, '')}); the export looks damaged or cut short.`,
        { file: file.name },
      );
    }
    const documents = root.name === 'teiCorpus' ? childElements(root, 'TEI') : [root];
    for (const [index, tei] of documents.entries()) {
      try {
        // What the TEI says is checked as an import, by the record schema, before it is used.
        yield { kind: 'record', record: validateRecord(readTeiRecord(tei), `TEI document ${index + 1}`) };
      } catch (error) {
        if (error instanceof ChanceryError && error.code !== 'record.invalid') throw error;
        const message =
          error instanceof ChanceryError
            ? error.message
            : `TEI document ${index + 1}: ${(error as Error).message}.`;
        yield {
          kind: 'problem',
          problem: {
            code: error instanceof ChanceryError ? 'record.invalid' : 'ingest.xml_document',
            message: `${message} Skipped.`,
            line: tei.line,
          },
        };
      }
    }
  },
};

/** Entity declarations are refused (src/xml/xml.entities.ts). */
export function refuseEntities(file: SourceInput, doctype: string): void {
  const entities = declaredEntities(doctype);
  if (entities.length > 0)
    throw new ChanceryError('ingest.xml_entities', `${file.name}: ${entityRefusal(entities)}`, {
      file: file.name,
    });
}
