import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { detectFormat } from './detect-format';
import { WireParseError } from './errors';
import { parseWire } from './parse-wire';
import { WIRE_FORMATS, WireItemSchema, type WireFormat } from './wire-item';

/*
 * Mutation fuzzing: every input, however damaged, gives valid WireItems or a
 * WireParseError with a one-line message, within a second, and never lets markup through.
 * The PRNG is seeded, so a failure names an input that can be rebuilt and replayed.
 */
// WIRE_FUZZ_RUNS / WIRE_FUZZ_SEED run a longer or different campaign locally.
const INPUTS_PER_FORMAT = Number(process.env.WIRE_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.WIRE_FUZZ_SEED ?? 0x5eed_2026);
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'wire-samples');

// mulberry32: tiny, fast and good enough to drive mutations reproducibly.
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readAll(dir: string): Uint8Array[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => (entry.isFile() && !/\.(md|txt)$/.test(entry.name)) || /\.txt$/.test(entry.name))
    .filter((entry) => entry.name !== 'MANIFEST.md' && entry.name !== 'README.md' && entry.name !== 'README.txt')
    .map((entry) => new Uint8Array(fs.readFileSync(path.join(entry.parentPath, entry.name))));
}

// Seeds grouped by the format their content is detected as; shared samples join when present.
const SEEDS = new Map<WireFormat, Uint8Array[]>();
for (const bytes of [...readAll(FIXTURES), ...readAll(SHARED)]) {
  const format = detectFormat(bytes);
  if (format) SEEDS.set(format, [...(SEEDS.get(format) ?? []), bytes]);
}

const encode = (text: string) => new TextEncoder().encode(text);
const ENTITY_GAMES = [
  '&lol9;',
  '&xxe;',
  '&eacute;',
  '&#0;',
  '&#x110000;',
  '&#99999999',
  '&amp;amp;',
  '&',
  '&#x;',
  '&nbsp',
  '&#65',
  '<!ENTITY x "y">',
  ']]>',
  '<![CDATA[<script>alert(1)</script>',
];
const DOCTYPES = [
  '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;">]>',
  '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">',
  '<!DOCTYPE x [',
];
const BAD_BYTES = [
  [0xc3],
  [0xff],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xf4, 0x90, 0x80, 0x80],
  [0x00],
  [0xfe, 0xff],
  [0xef, 0xbb, 0xbf],
];
const CONTROLS = [0x01, 0x02, 0x03, 0x04, 0x16, 0x1f, 0x7f, 0x0c, 0x13];
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<p onclick="x()">',
  '</p></body>',
  '<div>',
  '<?pi x?>',
  '<!--',
  '-->',
];

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;

const at = (length: number, random: () => number) => Math.floor(random() * (length + 1));
const splice = (bytes: Uint8Array, start: number, remove: number, insert: Uint8Array | number[]) =>
  Uint8Array.from([...bytes.subarray(0, start), ...insert, ...bytes.subarray(start + remove)]);
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

const MUTATIONS: [string, Mutation][] = [
  ['truncate', (bytes, random) => bytes.subarray(0, at(bytes.length, random))],
  [
    'flip bytes',
    (bytes, random) => {
      const copy = Uint8Array.from(bytes);
      const flips = 1 + Math.floor(random() * 12);
      for (let i = 0; i < flips && copy.length > 0; i++) {
        const index = Math.floor(random() * copy.length);
        copy[index] = copy[index]! ^ (1 << Math.floor(random() * 8));
      }
      return copy;
    },
  ],
  ['entity games', (bytes, random) => splice(bytes, at(bytes.length, random), 0, encode(pick(ENTITY_GAMES, random)))],
  [
    'declare entities',
    (bytes, random) => {
      const text = new TextDecoder().decode(bytes);
      const declaration = text.indexOf('?>');
      const position = declaration === -1 ? 0 : declaration + 2;
      return splice(bytes, position, 0, encode(pick(DOCTYPES, random)));
    },
  ],
  ['encoding damage', (bytes, random) => splice(bytes, at(bytes.length, random), 0, pick(BAD_BYTES, random))],
  [
    'NUL and control bytes',
    (bytes, random) =>
      splice(
        bytes,
        at(bytes.length, random),
        0,
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(CONTROLS, random)),
      ),
  ],
  [
    'deep nesting',
    (bytes, random) =>
      splice(bytes, at(bytes.length, random), 0, encode('<div><b>'.repeat(50 + Math.floor(random() * 2000)))),
  ],
  ['markup injection', (bytes, random) => splice(bytes, at(bytes.length, random), 0, encode(pick(MARKUP, random)))],
  [
    'duplicate a chunk',
    (bytes, random) => {
      const start = at(bytes.length, random);
      const chunk = bytes.subarray(start, start + Math.floor(random() * 400));
      return splice(bytes, at(bytes.length, random), 0, chunk);
    },
  ],
  [
    'delete a chunk',
    (bytes, random) => {
      const start = at(bytes.length, random);
      return splice(bytes, start, Math.floor(random() * 300), []);
    },
  ],
  [
    'wrong encoding declaration',
    (bytes, random) => {
      const text = new TextDecoder('windows-1252').decode(bytes);
      const replaced = text.replace(
        /encoding=["'][^"']*["']/i,
        `encoding="${pick(['iso-8859-1', 'utf-16', 'bogus-9', 'shift_jis', 'us-ascii'], random)}"`,
      );
      return Uint8Array.from([...replaced].map((char) => char.charCodeAt(0) & 0xff));
    },
  ],
];

// The start of a tag of any kind, finished or not: after reduction none may survive.
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?=[\s/>]|$)/;

test.each(WIRE_FORMATS.map((format) => [format] as const))(
  `${INPUTS_PER_FORMAT} mutated %s inputs each give WireItems or a clear error within 1 s`,
  (format) => {
    const seeds = SEEDS.get(format) ?? [];
    expect(seeds.length, `no fixture seeds for ${format}`).toBeGreaterThan(0);
    const random = createRandom(SEED ^ WIRE_FORMATS.indexOf(format));
    let parsed = 0;
    let refused = 0;
    for (let run = 0; run < INPUTS_PER_FORMAT; run++) {
      let bytes = pick(seeds, random);
      const applied: string[] = [];
      const rounds = 1 + Math.floor(random() * 3);
      for (let round = 0; round < rounds; round++) {
        const [name, mutate] = pick(MUTATIONS, random);
        applied.push(name);
        bytes = mutate(bytes, random);
      }
      const label = `${format} run ${run} (${applied.join(', ')})`;
      // WIRE_FUZZ_DUMP=/some/dir keeps every input, so a failing one can be replayed with the CLI.
      if (process.env.WIRE_FUZZ_DUMP)
        fs.writeFileSync(path.join(process.env.WIRE_FUZZ_DUMP, `${format}-${run}`), bytes);
      const started = performance.now();
      try {
        const { items } = parseWire(bytes);
        parsed++;
        for (const item of items) {
          expect(WireItemSchema.safeParse(item).success, label).toBe(true);
          for (const text of [item.headline, item.subheadline, item.byline, ...item.body.map((block) => block.text)]) {
            const leak = text ? TAG.exec(text) : null;
            const context = leak ? text!.slice(Math.max(0, leak.index - 60), leak.index + 60) : null;
            expect(context, `${label}: markup passed through`).toBeNull();
          }
        }
      } catch (error) {
        if (!(error instanceof WireParseError)) throw new Error(`${label}: ${String(error)}`, { cause: error });
        refused++;
        expect(error.message, label).toMatch(/^[^\n]+$/);
      }
      expect(performance.now() - started, `${label} took too long`).toBeLessThan(1000);
    }
    // The mutations must leave many inputs readable, or the fuzzing only exercises refusals.
    expect(parsed, `${format}: parsed ${parsed}, refused ${refused}`).toBeGreaterThan(INPUTS_PER_FORMAT / 10);
  },
  60_000 * Math.max(1, INPUTS_PER_FORMAT / 1000),
);
