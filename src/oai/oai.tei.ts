import { writeTeiElement } from '../tei/tei.export.ts';
import type { OaiFormat } from './oai.service.ts';

/**
 * TEI P5 as an OAI-PMH metadata format: each record's whole TEI document (src/tei/tei.export.ts),
 * whose people and places point at this archive's pages.
 *
 * @example teiOaiFormat().prefix // 'tei'
 */
export function teiOaiFormat(): OaiFormat {
  return {
    prefix: 'tei',
    schema: 'https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd',
    namespace: 'http://www.tei-c.org/ns/1.0',
    write: (record, citation, baseUrl) => writeTeiElement(record, citation, baseUrl),
  };
}
