// Runs one of our TypeScript tools (scripts/lib/*.ts) to completion, as the CLI tools run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build.mjs';

/**
 * Runs `file` with tsx and returns the JSON it printed on its last line; throws with its
 * output if it fails.
 * @param {string} file
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 * @returns {any}
 */
export function runTsTool(file, args, env) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, file), ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`${file} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines.at(-1) ?? 'null');
}
