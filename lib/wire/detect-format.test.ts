import { expect, test } from 'vitest';
import { describeBinary, detectFormat, findRootElementName } from './detect-format';

const encode = (text: string) => new TextEncoder().encode(text);

test.each([
  [
    'a NewsML-G2 newsItem',
    '<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>',
    'newsml-g2',
  ],
  ['a prefixed newsMessage', '<ns0:newsMessage xmlns:ns0="http://iptc.org/std/nar/2006-10-01/"/>', 'newsml-g2'],
  ['NewsML 1.2', '<?xml version="1.0"?>\n<!--AFP-->\n<NewsML Version="1.2"></NewsML>', 'newsml-1'],
  ['NITF with a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf></nitf>', 'nitf'],
  ['NITF with an internal subset', '<!DOCTYPE nitf [<!ENTITY x "y">]><nitf></nitf>', 'nitf'],
  ['RSS 2.0', '<rss version="2.0"><channel/></rss>', 'rss'],
  ['RSS 1.0 (RDF)', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', 'rss'],
  ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
  ['ninjs 3', '{"uri": "urn:x", "headlines": [{"value": "H"}]}', 'ninjs'],
  ['ninjs 1', '{"guid": "x", "headline": "H", "body_html": "<p>x</p>"}', 'ninjs'],
  ['a ninjs list', '[{"uri": "urn:x"}]', 'ninjs'],
  ['IPTC 7901', '\u0001eca062 4 i 211   dpa 061\r\n\r\nslug/\r\n\u0002Headline =\r\n', 'iptc7901'],
  ['IPTC 7901 after DEL fillers', '\u007f\u007f\r\n\u007f\u0001bsf025 3 ec 121\r\n\u0002Text', 'iptc7901'],
  ['ANPA 1312', '\u0016\u0016\u0001z6715\u001f-----\nr z\u0013\u0011 BC-Slug   02-20 0500\r\n\u0002^Text<', 'anpa1312'],
  ['plain-text web copy', 'News World\n\nA headline\n\nA first paragraph.', 'plain-text'],
] as const)('%s is detected as %s', (_name, text, format) => {
  expect(detectFormat(encode(text))).toBe(format);
});

test.each([
  ['empty input', ''],
  ['JSON that is not ninjs', '{"name": "package", "version": "1.0.0"}'],
  ['an HTML page', '<!DOCTYPE html><html><body></body></html>'],
  ['an unknown XML vocabulary', '<catalog><book/></catalog>'],
  ['one line of text', 'just one line'],
])('%s is no wire format', (_name, text) => {
  expect(detectFormat(encode(text))).toBeNull();
});

test('binary files are named when their signature is known, and never detected as a format', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  expect(describeBinary(png)).toBe('a PNG image');
  expect(detectFormat(png)).toBeNull();
  expect(detectFormat(new Uint8Array([0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0]))).toBeNull();
});

test('UTF-16 XML with a byte-order mark is text, not binary', () => {
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<nitf></nitf>'].flatMap((char) => [char.charCodeAt(0), 0])]);
  expect(detectFormat(utf16)).toBe('nitf');
});

test('the root element is found past the declaration, comments, PIs and a DOCTYPE subset', () => {
  expect(
    findRootElementName('<?xml version="1.0"?><!-- <fake/> --><?pi x?><!DOCTYPE a [<!ENTITY b "<c>">]><real/>'),
  ).toBe('real');
  expect(findRootElementName('<!-- never closed')).toBeNull();
});
