import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { extractTarGz, isSafeEntryName, writeTarGz } from './tar';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-tar-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function source(name: string, bytes: Buffer | string): { name: string; file: string } {
  const file = path.join(work, 'src', name.replace(/\//g, '__'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return { name, file };
}

test('what is written is read back byte for byte, and the standard tar tool reads it too', async () => {
  const long = `media/${'d'.repeat(60)}/${'f'.repeat(90)}`;
  const sources = [
    source('manifest.json', '{"format":"x"}\n'),
    source('tables/empty.ndjson', ''),
    source('tables/exact.ndjson', Buffer.alloc(1024, 'a')),
    source(long, Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251))),
  ];
  const archive = path.join(work, 'a.tar.gz');
  const written = await writeTarGz(fs.createWriteStream(archive), sources);
  const out = fs.mkdtempSync(path.join(work, 'out-'));
  const read = await extractTarGz(fs.createReadStream(archive), out);
  expect(read).toEqual(written);
  for (const { name, file } of sources) expect(fs.readFileSync(path.join(out, name))).toEqual(fs.readFileSync(file));

  const listed = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' });
  expect(listed.status).toBe(0);
  expect(listed.stdout.trim().split('\n')).toEqual(sources.map((s) => s.name));
  const byTar = fs.mkdtempSync(path.join(work, 'tar-'));
  expect(spawnSync('tar', ['-xzf', archive, '-C', byTar]).status).toBe(0);
  expect(fs.readFileSync(path.join(byTar, long))).toEqual(fs.readFileSync(sources[3]!.file));
});

test('names that would land outside the folder are refused', async () => {
  for (const bad of ['/etc/passwd', '../up', 'a/../../b', 'a//b', '', 'a\\b', './a']) {
    expect(isSafeEntryName(bad), bad).toBe(false);
  }
  expect(isSafeEntryName('media/ab/abcdef')).toBe(true);
  // An archive made by tar itself with a ../ name.
  const dir = fs.mkdtempSync(path.join(work, 'evil-'));
  fs.writeFileSync(path.join(dir, 'x'), 'x');
  const archive = path.join(work, 'evil.tar.gz');
  const made = spawnSync('tar', ['-czf', archive, '-C', dir, '--transform', 's,^x$,../escaped,', 'x']);
  expect(made.status).toBe(0);
  const out = fs.mkdtempSync(path.join(work, 'evil-out-'));
  await expect(extractTarGz(fs.createReadStream(archive), out)).rejects.toThrow('unsafe name');
  expect(fs.existsSync(path.join(out, '..', 'escaped'))).toBe(false);
});
