#!/usr/bin/env node
// `npm test`: every check a change must pass, in the order that fails fastest.
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/build.mjs';

const STAGES = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['unit and integration tests', ['run', 'test:unit']],
  ['production build', ['run', 'build']],
  ['route × role and hostile input tests', ['run', 'test:routes']],
  ['end-to-end tests', ['run', 'test:e2e']],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
for (const [name, args] of STAGES) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(npm, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (npm ${args.join(' ')}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\nAll checks passed.');
