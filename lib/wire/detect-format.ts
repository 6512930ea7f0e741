import type { WireFormat } from './wire-item';

const SNIFF_BYTES = 64 * 1024;

// File signatures, so a wrong upload is named ("a PNG image") instead of called garbage.
const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or Office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'an xz archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF media file'],
  [[0x49, 0x44, 0x33], 'an MP3 file'],
];

/** What kind of non-wire file this is, when its first bytes say so. */
export function describeBinary(bytes: Uint8Array): string | null {
  for (const [signature, name] of MAGIC) {
    if (signature.every((byte, index) => bytes[index] === byte)) return name;
  }
  return null;
}

function stripBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

// Bytes that never occur in text. Wire line formats use SOH, STX, ETX, EOT, SYN, US,
// DC1–DC4, FF and DEL, so those count as text here.
const BINARY_BYTE = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) BINARY_BYTE[byte] = 1;
for (const allowed of [0x01, 0x02, 0x03, 0x04, 0x09, 0x0a, 0x0c, 0x0d, 0x11, 0x12, 0x13, 0x14, 0x16, 0x1e, 0x1f]) {
  BINARY_BYTE[allowed] = 0;
}

/** True when the bytes look like binary data rather than text in any 8-bit or UTF encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return false;
  // UTF-16 text has NULs in every other byte; it is text, not binary.
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
  if (sample.length >= 4 && ((sample[0] === 0x3c && sample[1] === 0) || (sample[0] === 0 && sample[1] === 0x3c))) {
    return false;
  }
  let suspicious = 0;
  for (let index = 0; index < sample.length; index++) suspicious += BINARY_BYTE[sample[index]!]!;
  return suspicious > Math.max(2, sample.length * 0.02);
}

function sniffText(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0x3c && sample[1] === 0)) {
    return new TextDecoder('utf-16le').decode(sample);
  }
  if ((sample[0] === 0xfe && sample[1] === 0xff) || (sample[0] === 0 && sample[1] === 0x3c)) {
    return new TextDecoder('utf-16be').decode(sample);
  }
  // A single-byte decode never fails and keeps every ASCII marker where it is.
  return new TextDecoder('windows-1252').decode(stripBom(sample));
}

/** The local name of the first element, skipping the XML declaration, comments, PIs and DOCTYPE. */
export function findRootElementName(text: string): string | null {
  let position = 0;
  const length = Math.min(text.length, SNIFF_BYTES);
  while (position < length) {
    const open = text.indexOf('<', position);
    if (open === -1 || open >= length) return null;
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end === -1) return null;
      position = end + 3;
    } else if (text.startsWith('<?', open)) {
      const end = text.indexOf('?>', open + 2);
      if (end === -1) return null;
      position = end + 2;
    } else if (text.startsWith('<!', open)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = text.indexOf('[', open);
      const close = text.indexOf('>', open);
      if (close === -1) return null;
      if (bracket !== -1 && bracket < close) {
        const subsetEnd = text.indexOf(']', bracket);
        if (subsetEnd === -1) return null;
        const end = text.indexOf('>', subsetEnd);
        if (end === -1) return null;
        position = end + 1;
      } else {
        position = close + 1;
      }
    } else {
      const match = /^<([A-Za-z_][\w.:-]{0,100})/.exec(text.slice(open, open + 104));
      if (!match) return null;
      const qname = match[1]!;
      return qname.slice(qname.indexOf(':') + 1);
    }
  }
  return null;
}

const XML_ROOTS: Record<string, WireFormat> = {
  newsitem: 'newsml-g2',
  newsmessage: 'newsml-g2',
  newsml: 'newsml-1',
  nitf: 'nitf',
  rss: 'rss',
  rdf: 'rss',
  feed: 'atom',
};

const NINJS_KEYS =
  /"(?:uri|guid|headline|headlines|body_html|bodies|versioncreated|versionCreated|pubstatus|pubStatus|altids)"\s*:/;

/**
 * The wire format of a file, judged by its content only (never its name), or null when
 * it is none Wiredesk reads. Cheap: it looks at the first 64 KB.
 */
export function detectFormat(bytes: Uint8Array): WireFormat | null {
  if (bytes.length === 0 || looksBinary(bytes) || describeBinary(bytes)) return null;
  const text = sniffText(bytes);

  // Line formats: control characters first (DEL and SYN fillers, then SOH).
  const head = text.slice(0, 64);
  const firstPrintable = head.search(/[^\u007f\u0016\r\n\s]/);
  if (firstPrintable !== -1 && head[firstPrintable] === '\u0001') {
    // ANPA marks its header with US and DC1–DC4; IPTC 7901 has neither.
    const header = text.slice(firstPrintable, firstPrintable + 200);
    const stx = header.indexOf('\u0002');
    const beforeText = stx === -1 ? header : header.slice(0, stx);
    return /[\u001f\u0011-\u0014]/.test(beforeText) ? 'anpa1312' : 'iptc7901';
  }

  const start = text.search(/\S/);
  if (start === -1) return null;
  const first = text[start];
  if (first === '<') {
    const root = findRootElementName(text);
    return root ? (XML_ROOTS[root.toLowerCase()] ?? null) : null;
  }
  if (first === '{' || first === '[') return NINJS_KEYS.test(text) ? 'ninjs' : null;
  // Anything else that is text: web copy of a story, if it has a headline and a paragraph.
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return lines.length >= 2 ? 'plain-text' : null;
}
