/** Characters XML 1.0 does not allow at all, even escaped: C0 controls but tab, newline, return; lone surrogates; U+FFFE, U+FFFF. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what must be removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Text for XML content or a quoted attribute: markup characters escaped, and characters XML cannot
 * carry at all dropped, so that untrusted text from a source never breaks or changes a document.
 *
 * @example escapeXml('Kim & <Pak> "x"') // 'Kim &amp; &lt;Pak&gt; &quot;x&quot;'
 */
export function escapeXml(text: string): string {
  return (
    text
      .replace(NOT_XML, '')
      .replace(/&/gu, '&amp;')
      .replace(/</gu, '&lt;')
      .replace(/>/gu, '&gt;')
      .replace(/"/gu, '&quot;')
      // A parser turns a bare carriage return into a line feed: written as a reference, it stays.
      .replace(/\r/gu, '&#13;')
  );
}

/** An attribute value: as `escapeXml`, and tabs and line breaks as references, which attribute normalization would make spaces. */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/gu, '&#10;').replace(/\t/gu, '&#9;');
}

/**
 * An element with escaped text, or nothing for an empty value.
 *
 * @example element('dc:title', 'A & B') // '<dc:title>A &amp; B</dc:title>'
 */
export function element(
  name: string,
  text: string | null | undefined,
  attributes: Record<string, string | null | undefined> = {},
): string {
  if (text === null || text === undefined || text.trim() === '') return '';
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

/** ` a="1" b="2"`, values escaped, absent ones left out. */
export function attributesOf(attributes: Record<string, string | null | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}
