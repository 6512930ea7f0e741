import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getLogger } from '@/lib/log.js';
import { ingestWireFiles, MAX_STORED_FILE_BYTES } from './ingest';

const CLAIM_PREFIX = '.wiredesk-claim-';
// Names that say "still being written" (browsers, rsync, curl, editors).
const IN_PROGRESS = /(\.(tmp|temp|part|partial|crdownload|filepart|swp)|~)$/i;
const STALE_CLAIM_MS = 5 * 60_000;

export type InboxOptions = {
  /** How often to look (ms). */
  intervalMs?: number;
  /** A file must keep its size and time this long before it is read (ms). */
  settleMs?: number;
  log?: (line: string) => void;
};

export type InboxWatcher = { stop: () => Promise<void>; scanNow: () => Promise<void> };

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

async function moveAside(from: string, dir: string, name: string, now: Date): Promise<string> {
  let target = path.join(dir, `${stamp(now)}-${name}`);
  for (let n = 2; ; n++) {
    try {
      await fs.access(target);
      target = path.join(dir, `${stamp(now)}-${n}-${name}`);
    } catch {
      break;
    }
  }
  await fs.rename(from, target);
  return target;
}

/**
 * Watches a directory for wire files (WIREDESK_WIRE_INBOX). A file is read only once its
 * size and modification time have held still for `settleMs`, so nothing is read half-way;
 * it is claimed by renaming (so two servers never take the same file), ingested, and
 * moved to `processed/` or `rejected/` (with a `.reason.txt`). Nothing is ever deleted.
 * If the database is unavailable, the file goes back and is tried again.
 */
export function startInboxWatcher(inbox: string, options: InboxOptions = {}): InboxWatcher {
  const intervalMs = options.intervalMs ?? 1000;
  const settleMs = options.settleMs ?? 1000;
  const logger = getLogger().child({ component: 'inbox' });
  const log = options.log ?? ((line: string) => logger.info(line));
  const warn = options.log ?? ((line: string) => logger.warn(line));
  const processed = path.join(inbox, 'processed');
  const rejected = path.join(inbox, 'rejected');
  const seen = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function prepare() {
    await fs.mkdir(processed, { recursive: true });
    await fs.mkdir(rejected, { recursive: true });
    // Claims left by a server that died mid-file go back in the queue.
    for (const name of await fs.readdir(inbox)) {
      if (!name.startsWith(CLAIM_PREFIX)) continue;
      const claim = path.join(inbox, name);
      const stat = await fs.stat(claim).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > STALE_CLAIM_MS) {
        const original = name.slice(CLAIM_PREFIX.length).replace(/^\d+-/, '');
        await fs.rename(claim, path.join(inbox, original)).catch(() => undefined);
      }
    }
  }

  type Claimed = { name: string; file: string; claim: string; size: number };

  async function claim(name: string): Promise<Claimed | null> {
    const file = path.join(inbox, name);
    const claimed = path.join(inbox, `${CLAIM_PREFIX}${process.pid}-${name}`);
    try {
      await fs.rename(file, claimed);
      return { name, file, claim: claimed, size: (await fs.stat(claimed)).size };
    } catch {
      return null; // another server took it, or it went away
    }
  }

  async function reject(entry: Claimed, reason: string, now: Date): Promise<void> {
    const target = await moveAside(entry.claim, rejected, entry.name, now);
    await fs.writeFile(`${target}.reason.txt`, `${reason}\n`);
    log(`Wiredesk inbox: ${entry.name} rejected (${reason})`);
  }

  /** Ingests the settled files together (one database call per batch), then files each away. */
  async function handle(names: string[]): Promise<void> {
    const claimed = (await Promise.all(names.map(claim))).filter((entry): entry is Claimed => entry !== null);
    const now = new Date();
    const readable: Claimed[] = [];
    for (const entry of claimed) {
      if (entry.size > MAX_STORED_FILE_BYTES) {
        await reject(entry, `File is larger than ${MAX_STORED_FILE_BYTES / 1024 / 1024} MB; not ingested`, now);
      } else {
        readable.push(entry);
      }
    }
    if (readable.length === 0) return;
    try {
      const files = await Promise.all(
        readable.map(async (entry) => ({
          bytes: await fs.readFile(entry.claim),
          filename: entry.name,
          receivedAt: now,
        })),
      );
      const results = await ingestWireFiles({ kind: 'system', channel: 'inbox', source: inbox }, files);
      for (const [i, entry] of readable.entries()) {
        const result = results[i]!;
        if (result.status === 'rejected') {
          await reject(entry, result.error ?? 'Rejected', now);
        } else {
          await moveAside(entry.claim, processed, entry.name, now);
          log(`Wiredesk inbox: ${entry.name} ingested (${result.status})`);
        }
      }
    } catch (error) {
      // Not the files' fault (database down, disk full): put them back and try again later.
      for (const entry of readable) await fs.rename(entry.claim, entry.file).catch(() => undefined);
      warn(
        `Wiredesk inbox: ${readable.length} file(s) will be retried (${error instanceof Error ? error.message.split('\n')[0] : error})`,
      );
    }
  }

  async function scan(): Promise<void> {
    const entries = await fs.readdir(inbox, { withFileTypes: true }).catch(() => []);
    const now = Date.now();
    const present = new Set<string>();
    const settledNames: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || IN_PROGRESS.test(entry.name)) continue;
      present.add(entry.name);
      const stat = await fs.stat(path.join(inbox, entry.name)).catch(() => null);
      if (!stat) continue;
      const signature = `${stat.size}:${stat.mtimeMs}`;
      const settled = seen.get(entry.name) === signature && now - stat.mtimeMs >= settleMs;
      seen.set(entry.name, signature);
      if (settled) {
        seen.delete(entry.name);
        settledNames.push(entry.name);
      }
    }
    for (const name of seen.keys()) if (!present.has(name)) seen.delete(name);
    for (let i = 0; i < settledNames.length; i += 100) await handle(settledNames.slice(i, i + 100));
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = scan()
        .catch((error: unknown) => warn(`Wiredesk inbox: scan failed (${String(error)})`))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  running = prepare()
    .catch((error: unknown) => warn(`Wiredesk inbox: cannot use ${inbox} (${String(error)})`))
    .finally(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async scanNow() {
      await running;
      running = scan();
      await running;
    },
  };
}
