import fs from 'node:fs';

export class DataDirectoryInUseError extends Error {
  override name = 'DataDirectoryInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `The data directory ${dataDir} is in use by pid ${pid}. ` +
        `Stop that process first (for the server: Ctrl+C where \`npm start\` runs). ` +
        `If no Wiredesk process is running, delete ${lockFile}.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const held = new Map<string, () => void>();

/**
 * Takes the pid lock that guards a PGlite data directory. PGlite has no lock of its
 * own and a second process writing the same directory silently corrupts it, so a
 * second process must be refused. Re-entrant within one process; a lock left by a
 * dead process is taken over. Returns a release function (also run on exit).
 */
export function acquireDataDirLock(dataDir: string, lockFile = `${dataDir}.lock.pid`): () => void {
  const existing = held.get(lockFile);
  if (existing) return existing;

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' fails if the file exists: creation is the atomic test-and-set.
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      const release = () => {
        if (!held.delete(lockFile)) return;
        process.removeListener('exit', release);
        if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
      process.on('exit', release);
      held.set(lockFile, release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = readPid(lockFile);
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
      throw new DataDirectoryInUseError(dataDir, pid, lockFile);
    }
    // Stale (dead owner, our own pid from a previous life, or half-written): take it over.
    fs.rmSync(lockFile, { force: true });
  }
  const pid = readPid(lockFile) ?? 0;
  throw new DataDirectoryInUseError(dataDir, pid, lockFile);
}
