import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseWire } from '../parse-wire';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'newsml-1', name));

test('an AFP NewsML 1.2 revision keeps one guid across revisions and carries the revision as version', () => {
  const { format, items } = parseWire(fixture('afp-style-revision.xml'));
  expect(format).toBe('newsml-1');
  expect(items[0]).toMatchObject({
    agency: 'AFP',
    guid: 'urn:newsml:afp.com:20250610T080000Z:TX-PAR-WDK01',
    version: 2,
    pubStatus: 'usable',
    urgency: 4,
    headline: 'Norway approves floating wind farm off west coast',
    slugline: 'Norway-energy',
    dateline: { place: 'BERGEN', date: 'June 10, 2025' },
    language: 'en',
    located: 'Bergen',
    firstCreated: '2025-06-10T08:00:00.000Z',
    versionCreated: '2025-06-10T06:14:00.000Z',
    keywords: ['Norway', 'energy'],
    genres: [{ code: 'business', name: null }],
    editorialNotes: [{ role: 'usage', text: 'NO ARCHIVAL USE' }],
  });
});

test('NewsML subject codes are deduplicated; the desk sign-off leaves the body', () => {
  const [item] = parseWire(fixture('afp-style-revision.xml')).items;
  expect(item!.subjects).toEqual([
    { code: '04000000', name: null },
    { code: '04005000', name: null },
  ]);
  expect(item!.signOff).toBe('ab/cd/ef');
  expect(item!.body.map((block) => block.text)).toEqual([
    'Norway on Tuesday approved a floating wind farm of 40 turbines off its west coast, the energy ministry said.',
    'The project is expected to power about 300,000 homes from 2029.',
    '"This is a big step for floating wind," the minister said.',
  ]);
});

test('a file declaring iso-8859-1 but holding UTF-8 reads correctly and says so', () => {
  const [item] = parseWire(fixture('declared-latin1-actually-utf8.xml')).items;
  expect(item!.headline).toBe('Fête de la musique: la préfecture limite les concerts à minuit');
  expect(item!.headline).not.toContain('Ã');
  expect(item!.dateline).toEqual({ place: 'Rennes', date: '11 juin 2025' });
  expect(item!.language).toBe('fr');
  expect(item!.body).toHaveLength(2);
  expect(item!.warnings).toContain('Declared encoding iso-8859-1, but the bytes are UTF-8; read as UTF-8');
});
