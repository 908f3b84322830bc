import type { FormatReader, ReadContext, ReadItem, SourceInput } from './format.types.ts';
import { FrusVolumeHandler } from './tei/frus-volume.handler.ts';
import { ResyncingXmlParser } from './tei/xml-resync.parser.ts';
import { refuseEntities } from './tei-chancery.reader.ts';

const TEI_NAMESPACE = /\bxmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/www\.tei-c\.org\/ns\/1\.0["']/;
/** Both FRUS namespaces: the older `history.state.gov/ns/1.0` and the current `…/frus/ns/1.0`. */
const FRUS_MARKERS =
  /history\.state\.gov\/(?:frus\/)?ns\/1\.0|<idno\s+type=["']frus["']|Foreign Relations of the United States/;
/** The root element, after any declaration, processing instructions, comments and doctype. */
const TEI_ROOT =
  /^(?:\uFEFF)?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?:[\w.-]+:)?TEI[\s>/]/;
/** Where reading can start again after malformed XML: a FRUS document's opening tag. */
const DOCUMENT_START = /<(?:[\w.-]+:)?div\b[^>]*?\btype\s*=\s*["']document["'][^>]*>/;

/**
 * FRUS volumes in TEI P5, in both encodings that occur: the older one (FRUS namespace
 * `http://history.state.gov/ns/1.0`, source notes before the head, dates only in
 * `dateline/date/@when`) and the current one (`frus:doc-dateTime-min/max`, `subtype`, source
 * notes inside the head). Read as a stream with saxes: memory stays flat whatever the volume's
 * size. `xi:include` is not resolved.
 *
 * Yields the volume's collection when the header ends, its terms and persons as authorities,
 * then one record per `div[@type="document"]` (id `<volume id>-<div xml:id>`). Bad XML does not
 * stop the file: the document in which the parser fails is left out and reported with line and
 * column, and reading resumes at the next `<div type="document">`. A document without an
 * `xml:id` is reported and skipped; an unknown element is reported once and its text kept.
 *
 * @example
 * for await (const item of teiFrusReader.read(file, { authorities })) if (item.kind === 'record') save(item.record);
 */
export const teiFrusReader: FormatReader = {
  format: 'tei-frus',

  detect({ head }) {
    const root = TEI_ROOT.test(head);
    const tei = root && TEI_NAMESPACE.test(head);
    const frus = FRUS_MARKERS.test(head);
    if (tei && frus) return 0.98;
    if (tei) return 0.7;
    if (root && frus) return 0.8;
    return 0;
  },

  async *read(file: SourceInput, context: ReadContext): AsyncIterable<ReadItem> {
    let parser: ResyncingXmlParser | null = null;
    const handler = new FrusVolumeHandler({
      fileName: file.name,
      authorities: context.authorities,
      position: () => parser?.position() ?? { line: 1, column: 0 },
    });
    parser = new ResyncingXmlParser(handler, {
      resyncAt: DOCUMENT_START,
      onDoctype: (doctype) => refuseEntities(file, doctype),
    });
    for await (const chunk of file.chunks()) {
      parser.write(chunk);
      yield* handler.drain();
    }
    parser.end();
    handler.finish();
    yield* handler.drain();
  },
};
