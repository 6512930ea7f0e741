import 'server-only';
import { sql } from 'drizzle-orm';
import { configuredTarget, type Database, type Transaction } from '@/db/client';
import type { CollabMessage } from './collab-protocol';
import { deliverCollabEvent, getCollabRegistry } from './collab-registry.js';

/** The PostgreSQL channel instances tell each other about live documents on. */
export const COLLAB_CHANNEL = 'wiredesk_collab';
// NOTIFY payloads must stay under 8,000 bytes; whatever would not fit is left out and
// read from the database by whoever needs it (or, for presence, simply skipped).
const MAX_PAYLOAD = 7_000;

/** What happened to a story's live document, for every instance that has it open. */
export type CollabEvent =
  /**
   * New updates were appended to its log: apply them (a pointer; the bytes are in the
   * table). `from`: the collaboration server in this process that appended them (it has them).
   */
  | { kind: 'updates'; storyId: number; from?: string }
  /** It was folded into the working copy: tell the pages (null: read the outcome from the database). */
  | { kind: 'folded'; storyId: number; message: CollabMessage | null }
  /** Who may do what to it may have changed (a workflow move): check every connection now. */
  | { kind: 'access'; storyId: number; state: string; version: number }
  /** Presence (cursors, names) from a page connected to another instance, base64. */
  | { kind: 'awareness'; storyId: number; update: string };

type Envelope = CollabEvent & { origin: string };

/** The NOTIFY payload for an event, small enough for PostgreSQL (or null if it cannot be made so). */
export function encodeCollabEvent(event: CollabEvent, origin = getCollabRegistry().instanceId): string | null {
  const payload = JSON.stringify({ ...event, origin });
  if (payload.length <= MAX_PAYLOAD) return payload;
  if (event.kind === 'folded') return JSON.stringify({ ...event, message: null, origin });
  return null;
}

/** An event from the channel, or null for anything that is not one of ours. */
export function decodeCollabEvent(payload: string): Envelope | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Partial<Envelope>;
  if (typeof event.origin !== 'string' || !Number.isInteger(event.storyId)) return null;
  switch (event.kind) {
    case 'updates':
    case 'folded':
    case 'access':
      return event as Envelope;
    case 'awareness':
      return typeof event.update === 'string' ? (event as Envelope) : null;
    default:
      return null;
  }
}

/**
 * Tells the other instances (PostgreSQL only: the embedded database has one), inside the
 * caller's transaction, so they hear of it exactly when it commits.
 */
export async function announceCollabEvents(db: Database | Transaction, events: CollabEvent[]): Promise<void> {
  if (events.length === 0 || configuredTarget().kind !== 'postgres') return;
  for (const event of events) {
    const payload = encodeCollabEvent(event);
    if (payload) await db.execute(sql`select pg_notify(${COLLAB_CHANNEL}, ${payload})`);
  }
}

/** Hands events to this process's collaboration server. Call after the transaction has committed. */
export function deliverCollabEvents(events: CollabEvent[]): void {
  for (const event of events) deliverCollabEvent(event);
}
