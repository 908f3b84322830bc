import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARED_DIR } from './shared-paths.ts';

const run = promisify(execFile);
export const OAI_SCHEMAS = `${SHARED_DIR}schemas/oai-pmh/`;
export const TEI_SCHEMA = `${SHARED_DIR}schemas/tei/tei_all.rng`;

/**
 * Validates OAI-PMH responses with Debian's xmllint against the official XSDs of ../shared: a
 * small schema imports OAI-PMH and oai_dc (a response holds its records under
 * processContents="strict"), and the TEI namespace with a lax declaration of `TEI` (TEI records
 * are checked apart, against tei_all.rng with jing). An XML catalog maps the W3C's xml.xsd, which
 * simpledc imports by its web address, to the local copy: no network.
 */
export async function validateOaiResponses(documents: string[]): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-oai-'));
  writeFileSync(
    join(dir, 'tei-lax.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">
  <xs:element name="TEI"><xs:complexType><xs:sequence><xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded" namespace="##any"/></xs:sequence><xs:anyAttribute processContents="lax"/></xs:complexType></xs:element>
</xs:schema>`,
  );
  writeFileSync(
    join(dir, 'responses.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="${OAI_SCHEMAS}OAI-PMH.xsd"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="${OAI_SCHEMAS}oai_dc.xsd"/>
  <xs:import namespace="http://www.tei-c.org/ns/1.0" schemaLocation="${dir}/tei-lax.xsd"/>
</xs:schema>`,
  );
  writeFileSync(
    join(dir, 'catalog.xml'),
    `<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/03/xml.xsd" uri="file://${OAI_SCHEMAS}xml.xsd"/>
  <uri name="http://www.w3.org/2001/03/xml.xsd" uri="file://${OAI_SCHEMAS}xml.xsd"/>
</catalog>`,
  );
  const files = documents.map((doc, i) => {
    const file = join(dir, `response-${i}.xml`);
    writeFileSync(file, doc);
    return file;
  });
  try {
    const { stderr } = await run(
      'xmllint',
      ['--noout', '--nonet', '--schema', join(dir, 'responses.xsd'), ...files],
      {
        env: { ...process.env, XML_CATALOG_FILES: join(dir, 'catalog.xml') },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { ok: true, output: stderr };
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string };
    return { ok: false, output: `${failed.stderr ?? ''}${failed.stdout ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates TEI documents against tei_all.rng with Debian's jing, all in one run. */
export async function validateTei(documents: string[]): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-tei-'));
  const files = documents.map((doc, i) => {
    const file = join(dir, `doc-${i}.xml`);
    writeFileSync(file, doc);
    return file;
  });
  try {
    const { stdout, stderr } = await run('jing', [TEI_SCHEMA, ...files], { maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
