// Wire tool: `npm run --silent wire -- parse FILE`. Reads the file, prints the WireItem as
// JSON (a list for feeds and multi-item messages). Touches no database, so it is safe to
// run while the server runs.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WireParseError } from '@/lib/wire/errors';
import { parseWire } from '@/lib/wire/parse-wire';
import { FEED_FORMATS, WIRE_FORMATS } from '@/lib/wire/wire-item';

const USAGE = `Usage: npm run --silent wire -- parse FILE

Prints the wire item in FILE as JSON: one object, or a list for feeds and messages with
several items. Formats are recognised by content: ${WIRE_FORMATS.join(', ')}.
Unreadable input prints one line on standard error and exits with status 1.`;

class UsageError extends Error {}

function readInput(file: string): Uint8Array {
  try {
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    return fs.readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new UsageError(`No such file: ${file}`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a directory, not a wire file`);
    if (code === 'EACCES') throw new UsageError(`Cannot read ${file}: permission denied`);
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function run(argv: string[]): void {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const [command, file, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (command !== 'parse' || !file || extra.length > 0) throw new UsageError(USAGE);
  const { format, items } = parseWire(readInput(file));
  const output = items.length === 1 && !FEED_FORMATS.includes(format) ? items[0] : items;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

try {
  run(process.argv.slice(2));
} catch (error) {
  const known =
    error instanceof UsageError ||
    error instanceof WireParseError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  const message = error instanceof Error ? error.message : String(error);
  // One clear line for anything about the input; a usage error prints the whole usage.
  console.error(known ? message : `Could not parse the file: ${message.split('\n')[0]}`);
  process.exitCode = 1;
}
