// XML text for feeds and sitemaps. Story text comes from wire copy and editors: it may
// hold markup characters and control characters that XML 1.0 forbids outright (a single
// U+000B makes a whole feed unreadable), so everything passes through here.

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Characters XML 1.0 does not allow at all, even escaped; lone surrogates included.
const NOT_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and attribute values, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHARS, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** `<name>escaped text</name>` */
export function xmlElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
