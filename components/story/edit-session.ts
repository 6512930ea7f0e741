// The editing session this page load is: the edit lock belongs to it, so a second tab (or
// a second device) of the same writer is someone else as far as the lock is concerned.
// Per page load, not per tab: a reload lets go on the way out (pagehide) and claims anew.
import { EDIT_SESSION_HEADER } from '@/lib/stories/autosave-protocol';

let session: string | null = null;

function newSessionId(): string {
  // getRandomValues works on plain-http desk addresses, where randomUUID does not.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** This page load's editing session id (made on first use). */
export function getEditSession(): string {
  session ??= newSessionId();
  return session;
}

/** Request headers naming this page's editing session, merged with others. */
export function editSessionHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [EDIT_SESSION_HEADER]: getEditSession() };
}
