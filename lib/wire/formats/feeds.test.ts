import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { WireParseError } from '../errors';
import { parseWire } from '../parse-wire';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'feeds', name));

test('an RSS feed gives one WireItem per item', () => {
  const { format, items } = parseWire(fixture('undeclared-latin1.rss'));
  expect(format).toBe('rss');
  expect(items.map((item) => item.headline)).toEqual([
    'Prefeitura anuncia nova linha de ônibus elétricos',
    'Bolsa fecha em alta de 0,5%',
    'Sem descrição',
  ]);
});

test('an undeclared Latin-1 feed with Portuguese dates is read, and both recoveries are noted', () => {
  const [first] = parseWire(fixture('undeclared-latin1.rss')).items;
  expect(first).toMatchObject({
    guid: 'https://example.com.br/noticias/onibus-eletricos',
    url: 'https://example.com.br/noticias/onibus-eletricos',
    firstCreated: '2025-03-24T22:42:40.000Z',
    byline: 'Maria Exemplo',
    keywords: ['Cidades'],
    imageCredit: 'Foto: João Fotógrafo',
    language: 'pt',
    agency: 'Notícias de Exemplo',
  });
  expect(first!.warnings).toEqual([
    'Not valid UTF-8 and no encoding declared; read as Windows-1252 (Latin-1)',
    'Dates not in RFC 822 form (other languages or word order) were read leniently',
  ]);
});

test('content:encoded carrying the real story wins over a short description; "Continue reading" is dropped', () => {
  const [first] = parseWire(fixture('undeclared-latin1.rss')).items;
  expect(first!.body.map((block) => block.text)).toEqual([
    'A prefeitura anunciou nesta segunda-feira uma nova linha de ônibus elétricos que vai ligar o centro ao aeroporto.',
    'Segundo a secretaria de transportes, os veículos começam a circular em março.',
  ]);
  expect(first!.renditions).toEqual([
    expect.objectContaining({ href: 'https://example.com.br/foto-grande.jpg', width: 1200, height: 800 }),
  ]);
});

test('a feed item quoting an agency dateline is credited to that agency', () => {
  const second = parseWire(fixture('undeclared-latin1.rss')).items[1]!;
  expect(second.agency).toBe('EFE');
  expect(second.dateline).toEqual({ place: 'São Paulo', date: '24 mar' });
});

test('an Atom entry whose real body is in extension elements uses them, not the placeholder content', () => {
  const { format, items } = parseWire(fixture('extension-body.atom'));
  expect(format).toBe('atom');
  expect(items[0]).toMatchObject({
    guid: 'urn:example:feedarticle:1',
    agency: 'WENN',
    headline: 'Singer cancels tour after losing her voice',
    section: 'Music',
    slugline: '(AB&CD/XYZ)',
    language: 'en-GB',
    firstCreated: '2025-01-30T00:33:06.000Z',
    versionCreated: '2025-01-30T02:40:56.000Z',
  });
  expect(items[0]!.body.map((block) => block.text)).toEqual([
    'Pop singer JANE EXAMPLE has cancelled the rest of her European tour after losing her voice.',
    'The star told fans in a video message that doctors had ordered complete vocal rest for a month.',
    'Refunds will be offered for all 14 remaining dates, her promoter said.',
    'The tour was due to end in Lisbon in March.',
  ]);
  expect(JSON.stringify(items[0])).not.toContain('placeholder');
});

test('Atom html titles lose their markup; xhtml content becomes paragraphs; offsets are applied', () => {
  const entry = parseWire(fixture('extension-body.atom')).items[1]!;
  expect(entry).toMatchObject({
    headline: 'Actor Sam Sample joins space drama',
    url: 'https://example.org/news/2',
    firstCreated: '2025-01-29T20:00:00.000Z',
    language: 'en',
  });
  expect(entry.body.map((block) => block.text)).toEqual([
    'Actor Sam Sample has joined the cast of a new space drama.',
    'Filming starts in the spring.',
  ]);
});

test('a feed with no items is refused', () => {
  const empty = new TextEncoder().encode('<rss version="2.0"><channel><title>Nothing</title></channel></rss>');
  expect(() => parseWire(empty)).toThrow(WireParseError);
  expect(() => parseWire(empty)).toThrow('The RSS feed has no items');
});
