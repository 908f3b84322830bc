/**
 * Chancery expands no XML entity but the five of XML itself and character references: a document
 * type declaration that declares entities is refused before anything is read from the document.
 * Expanding them would let a file of a few hundred bytes grow to gigabytes ("billion laughs"), and
 * an external entity (`SYSTEM "file:///etc/passwd"`) would read the server's files or the network
 * into the archive. Neither TEI editions nor Chancery's exports declare any.
 */

/** The names of the entities a document type declaration declares (`%` for parameter entities). */
export function declaredEntities(doctype: string): string[] {
  return [...doctype.matchAll(/<!ENTITY\s+(%\s+)?([^\s>]+)/g)].map((m) => `${m[1] ? '%' : ''}${m[2]}`);
}

/**
 * Why a document whose doctype declares these entities is refused, for a message that follows the
 * file's name.
 *
 * @example `${file.name}: ${entityRefusal(['lol', 'lol1'])}`
 */
export function entityRefusal(entities: readonly string[]): string {
  const names =
    entities.slice(0, 5).join(', ') + (entities.length > 5 ? `, … (${entities.length} in all)` : '');
  return `the document type declaration declares entities (${names}); Chancery expands no declared entity, internal or external (an entity can expand to gigabytes, or read files of the server). Write the characters themselves, or as character references (&#8212;), and remove the declarations.`;
}

/**
 * saxes's words for a well-formedness error, said of the document: "undefined entity" is an
 * entity reference XML does not define, not a fault of the reader.
 *
 * @example describeXmlReason('undefined entity.') // 'an entity reference XML does not define (…)'
 */
export function describeXmlReason(reason: string): string {
  if (/^undefined entity/.test(reason))
    return 'an entity reference XML does not define: only &amp; &lt; &gt; &quot; &apos; and character references such as &#160; are known';
  return reason;
}
