// The editing session this tab is: the edit lock belongs to it, so a second tab (or a
// second device) of the same writer is someone else as far as the lock is concerned.
// Kept in sessionStorage, so a reload of the tab (after a take-over, say) is still the
// same session; a tab duplicated with its sessionStorage is told apart by asking the
// other tabs whether they already use the id.
import { EDIT_SESSION_HEADER } from '@/lib/stories/autosave-protocol';

const STORAGE_KEY = 'wiredesk:edit-session';
const CHANNEL = 'wiredesk:edit-session';

let session: string | null = null;

function newSessionId(): string {
  // getRandomValues works on plain-http desk addresses, where randomUUID does not.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function remember(id: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage refused (private mode, quota): this page load is the session.
  }
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function watchForDuplicates(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ type: 'hello' | 'taken'; id: string }>) => {
    const { type, id } = event.data;
    // Another tab starts with our id (it was duplicated from us): tell it.
    if (type === 'hello' && id === session) channel.postMessage({ type: 'taken', id });
    // We are the duplicate: become a session of our own.
    if (type === 'taken' && id === session) {
      session = newSessionId();
      remember(session);
    }
  };
  channel.postMessage({ type: 'hello', id: session });
}

/** This tab's editing session id (made, or read back after a reload, on first use). */
export function getEditSession(): string {
  if (session === null) {
    session = readStored() ?? newSessionId();
    remember(session);
    watchForDuplicates();
  }
  return session;
}

/** Request headers naming this tab's editing session, merged with others. */
export function editSessionHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [EDIT_SESSION_HEADER]: getEditSession() };
}
