import { decodeHTML, decodeHTMLStrict } from 'entities';
import type { WarningCollector } from './warnings';

const XML_PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// One pass over `&…`: a reference is decoded once and its output is never re-scanned, so
// declared-entity tricks (billion laughs) cannot expand; declarations are not read at all.
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}))?(;?)/g;

function fromCodePoint(code: number): string | null {
  const valid =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return valid ? String.fromCodePoint(code) : null;
}

/**
 * Decodes character references in XML text the way a lenient but safe reader should:
 * the five XML entities and numeric references; HTML named entities that agencies use
 * without declaring them (`&eacute;` in NITF) with a warning; anything else, including
 * entities a DTD would declare, is left as literal text with a warning.
 */
export function decodeXmlText(raw: string, warnings: WarningCollector): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (match, decimal: string, hex: string, name: string, semicolon: string) => {
    if (decimal !== undefined || hex !== undefined) {
      const char = fromCodePoint(decimal !== undefined ? Number(decimal) : parseInt(hex, 16));
      if (char === null) {
        warnings.addToGroup('Invalid character references dropped', match);
        return '';
      }
      if (!semicolon) warnings.add('Character references without a closing semicolon were read leniently');
      return char;
    }
    if (name !== undefined && semicolon) {
      const predefined = XML_PREDEFINED[name];
      if (predefined !== undefined) return predefined;
      const html = decodeHTMLStrict(match);
      if (html !== match) {
        warnings.addToGroup('Undeclared HTML entities decoded', match);
        return html;
      }
      warnings.addToGroup('Undefined entities left as text (Wiredesk never expands DTD entities)', match);
      return match;
    }
    warnings.add('Bare & in the text kept as a literal ampersand');
    return match;
  });
}

const DOUBLE_ESCAPED = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|amp|apos|lt|gt|nbsp);/;

/**
 * Text that still holds character references after decoding was escaped twice upstream
 * (STT's `o&amp;#39;clock`); decode the second layer too.
 */
export function fixDoubleEscaping(value: string, warnings: WarningCollector): string {
  if (!value.includes('&') || !DOUBLE_ESCAPED.test(value)) return value;
  warnings.add('Double-escaped character references decoded');
  return decodeHTML(value);
}
