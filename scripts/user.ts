// Operator tool for staff accounts: `npm run user -- <command> [options]`.
// Writes go straight to the database, so with the embedded database it runs while
// the server is stopped (the data directory lock says so if it is not).
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { DataDirectoryInUseError } from '@/db/lock';
import { ROLES, type Role } from '@/lib/roles';
import { ConfigError } from '@/lib/config';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { createUser, findUserByEmail, listUsers, SYSTEM, updateUser, type UserChanges } from '@/lib/users';

const USAGE = `Usage: npm run user -- <command> [options]

Commands:
  create --email EMAIL --name NAME --role ${ROLES.join('|')}   create an account (asks for the password)
  list                                                   list every account
  set-role --email EMAIL --role ROLE                     change an account's role
  deactivate --email EMAIL                               sign an account out and keep it out
  activate --email EMAIL                                 let a deactivated account back in
  set-password --email EMAIL                             set a new password (asks for it)

The password is asked for on the terminal, or read from the first line of standard
input when that is not a terminal (e.g. echo "$PW" | npm run --silent user -- create ...).`;

class UsageError extends Error {}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    const password = input.split(/\r?\n/)[0] ?? '';
    if (!password) throw new UsageError('No password on standard input.');
    return password;
  }
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new UsageError('The two passwords differ.');
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          cleanup();
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          cleanup();
          reject(new UsageError('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    const cleanup = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

async function changeByEmail(email: string, changes: UserChanges, done: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) throw new NotFoundError(`No account with the email ${email}.`);
  const updated = await updateUser(SYSTEM, user.id, changes);
  console.log(`${done}: ${updated.name} <${updated.email}>, ${updated.role}.`);
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'create': {
      const email = requireOption(values, 'email');
      const name = requireOption(values, 'name');
      const role = requireOption(values, 'role') as Role;
      const password = await readPassword();
      const user = await createUser(SYSTEM, { email, name, role, password });
      console.log(`Created ${user.role} ${user.name} <${user.email}>. They can sign in at /login.`);
      return;
    }
    case 'list': {
      const users = await listUsers(SYSTEM);
      if (users.length === 0) console.log('No accounts yet.');
      for (const user of users) {
        console.log(
          `${user.email.padEnd(32)} ${user.role.padEnd(9)} ${user.active ? 'active' : 'deactivated'}  ${user.name}`,
        );
      }
      return;
    }
    case 'set-role':
      return changeByEmail(requireOption(values, 'email'), { role: requireOption(values, 'role') as Role }, 'Updated');
    case 'deactivate':
      return changeByEmail(requireOption(values, 'email'), { active: false }, 'Deactivated');
    case 'activate':
      return changeByEmail(requireOption(values, 'email'), { active: true }, 'Activated');
    case 'set-password':
      return changeByEmail(requireOption(values, 'email'), { password: await readPassword() }, 'New password set');
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

try {
  await run(process.argv.slice(2));
  await closeDb();
} catch (error) {
  const known =
    error instanceof UsageError ||
    error instanceof ValidationError ||
    error instanceof ConflictError ||
    error instanceof NotFoundError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof ConfigError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  if (error instanceof ValidationError) {
    console.error(Object.values(error.fieldErrors).flat().join('\n') || error.message);
  } else {
    console.error(known ? (error as Error).message : error);
  }
  process.exitCode = 1;
  await closeDb().catch(() => undefined);
}
