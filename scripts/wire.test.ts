import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runTs } from '@/test/child';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'lib', 'wire', 'fixtures');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-wire-cli-'));
const wire = (args: string[]) => runTs('scripts/wire.ts', args);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('parse prints one WireItem as a JSON object and exits 0', async () => {
  const result = await wire(['parse', path.join(FIXTURES, 'nitf', 'embargoed-latin1.xml')]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const item = JSON.parse(result.stdout) as Record<string, unknown>;
  expect(item).toMatchObject({
    format: 'nitf',
    guid: 'wd-nitf-0042',
    headline: 'COUNCILS TO GET £450M FOR EMPTY HOMES, SAYS MINISTER',
    embargoUntil: '2025-03-15T00:01:00.000Z',
  });
});

test('a feed and a multi-item message print a JSON array', async () => {
  const feed = await wire(['parse', path.join(FIXTURES, 'feeds', 'extension-body.atom')]);
  expect(feed.code).toBe(0);
  expect((JSON.parse(feed.stdout) as unknown[]).length).toBe(2);
  const message = await wire(['parse', path.join(FIXTURES, 'newsml-g2', 'message-three-items.xml')]);
  expect(message.code).toBe(0);
  expect((JSON.parse(message.stdout) as { guid: string }[]).map((item) => item.guid)).toHaveLength(3);
});

test('a one-item feed is still an array', async () => {
  const file = path.join(scratch, 'one.rss');
  fs.writeFileSync(
    file,
    '<rss version="2.0"><channel><title>T</title><item><title>Only</title></item></channel></rss>',
  );
  const result = await wire(['parse', file]);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ headline: 'Only', format: 'rss' })]);
});

test.each([
  ['truncated XML', 'cut.xml', '<nitf><body><body.content><p>Cut', 'Truncated XML: <nitf> is not closed\n'],
  ['an empty file', 'empty.xml', '', 'Empty file\n'],
  [
    'a PNG image',
    'photo.xml',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    'Not a wire format Wiredesk knows (looks like a PNG image)\n',
  ],
])('%s prints one clear line on stderr and exits 1', async (_name, fileName, content, message) => {
  const file = path.join(scratch, fileName);
  fs.writeFileSync(file, content);
  const result = await wire(['parse', file]);
  expect(result).toMatchObject({ code: 1, stdout: '', stderr: message });
});

test('a missing file is named in one line', async () => {
  const missing = path.join(scratch, 'nowhere.xml');
  const result = await wire(['parse', missing]);
  expect(result).toMatchObject({ code: 1, stdout: '', stderr: `No such file: ${missing}\n` });
});

test('a wrong command or a missing file name prints the usage and exits 1', async () => {
  for (const args of [[], ['convert', 'x.xml'], ['parse']]) {
    const result = await wire(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: npm run --silent wire -- parse FILE');
    expect(result.stdout).toBe('');
  }
});

test('--help prints the usage on stdout and exits 0', async () => {
  const result = await wire(['--help']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Usage: npm run --silent wire -- parse FILE');
});

test('a relative path is read from the directory the command was typed in (npm sets INIT_CWD)', async () => {
  const result = await runTs('scripts/wire.ts', ['parse', 'nitf/hostile-xxe.xml'], { INIT_CWD: FIXTURES });
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ guid: 'wd-xxe', headline: 'Harmless headline &xxe;' });
});
