import { decodeWireBytes } from './decode-bytes';
import { describeBinary, detectFormat, findRootElementName, looksBinary } from './detect-format';
import { WireParseError } from './errors';
import { parseAnpa1312 } from './formats/anpa1312';
import { parseFeed } from './formats/feeds';
import { parseIptc7901 } from './formats/iptc7901';
import { parseNewsml1 } from './formats/newsml-1';
import { parseNewsmlG2 } from './formats/newsml-g2';
import { parseNinjs } from './formats/ninjs';
import { parseNitf } from './formats/nitf';
import { parsePlainText } from './formats/plain-text';
import { MAX_WIRE_BYTES } from './limits';
import { scrubUnstorableText } from './text';
import { WarningCollector } from './warnings';
import { WireItemSchema, type WireFormat, type WireItem } from './wire-item';

export type ParsedWire = { format: WireFormat; items: WireItem[] };

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function explainUnknown(bytes: Uint8Array): string {
  const binary = describeBinary(bytes);
  if (binary) return `Not a wire format Wiredesk knows (looks like ${binary})`;
  if (looksBinary(bytes)) return 'Not a wire format Wiredesk knows (looks like binary data)';
  const text = new TextDecoder('windows-1252').decode(bytes.subarray(0, 64 * 1024));
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const root = findRootElementName(text);
    return root
      ? `Not a wire format Wiredesk knows (an XML document with root <${root.slice(0, 40)}>)`
      : 'Not a wire format Wiredesk knows (markup without a readable root element; truncated?)';
  }
  if (start.startsWith('{') || start.startsWith('[')) return 'JSON, but not ninjs: no uri, guid or headline';
  return 'Not a wire format Wiredesk knows (a single line of text is not a story)';
}

function runParser(format: WireFormat, text: string, warnings: WarningCollector): ParsedWire {
  switch (format) {
    case 'newsml-g2':
      return { format, items: parseNewsmlG2(text, warnings) };
    case 'newsml-1':
      return { format, items: parseNewsml1(text, warnings) };
    case 'nitf':
      return { format, items: parseNitf(text, warnings) };
    case 'ninjs':
      return { format, items: parseNinjs(text, warnings) };
    case 'iptc7901':
      return { format, items: parseIptc7901(text, warnings) };
    case 'anpa1312':
      return { format, items: parseAnpa1312(text, warnings) };
    case 'rss':
    case 'atom':
      return parseFeed(text, warnings);
    case 'plain-text':
      return { format, items: parsePlainText(text, warnings) };
  }
}

/**
 * Reads one wire file: checks its size, detects the format by content, decodes the text
 * (declared vs. actual encoding), and parses it into WireItems. Anything unusable throws
 * a WireParseError with a one-line reason; no other error escapes, whatever the bytes.
 */
export function parseWire(bytes: Uint8Array): ParsedWire {
  if (bytes.length > MAX_WIRE_BYTES) {
    throw new WireParseError(
      `File is ${formatMegabytes(bytes.length)} (${bytes.length.toLocaleString('en-US')} bytes); the limit is 5 MB`,
    );
  }
  if (bytes.length === 0) throw new WireParseError('Empty file');
  if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    throw new WireParseError('Empty file (only whitespace)');
  }
  const format = detectFormat(bytes);
  if (format === null) throw new WireParseError(explainUnknown(bytes));

  try {
    const warnings = new WarningCollector();
    const text = decodeWireBytes(bytes, warnings);
    const parsed = runParser(format, text, warnings);
    for (const item of parsed.items) {
      if (scrubUnstorableText(item)) {
        item.warnings.push(
          'Characters that cannot be stored (NUL, broken surrogates) were left out; the file is kept as sent',
        );
      }
      const check = WireItemSchema.safeParse(item);
      if (!check.success) {
        const issue = check.error.issues[0];
        throw new WireParseError(`Could not normalise the item (${issue?.path.join('.')}: ${issue?.message})`);
      }
    }
    return parsed;
  } catch (error) {
    if (error instanceof WireParseError) throw error;
    // A bug of ours on odd input must still read as a rejected file, never crash ingest.
    if (error instanceof RangeError) throw new WireParseError('The file is too deeply nested or too large to read');
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : String(error);
    throw new WireParseError(`Could not read this ${format} file (${reason})`);
  }
}
