// A new story's unsaved work, kept in this browser (localStorage) until it is first saved:
// it survives a reload, a crash or a closed tab, and is offered back on return. (A saved
// story is a live document, which keeps its own copy in IndexedDB.)
import type { StoryDraft } from '@/lib/stories/autosave-protocol';

export type LocalDraft = { draft: StoryDraft; baseVersion: number | null; keptAt: string };

// Per user as well as per story: a shared desk computer must not offer one reporter's text to another.
const keyFor = (userId: number, storyId: number | 'new') => `wiredesk:draft:${userId}:${storyId}`;

export function readLocalDraft(userId: number, storyId: number | 'new'): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyFor(userId, storyId));
    const value = raw ? (JSON.parse(raw) as LocalDraft) : null;
    return value && typeof value === 'object' && value.draft ? value : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; false if the browser refused (storage full or disabled). */
export function writeLocalDraft(userId: number, storyId: number | 'new', value: LocalDraft): boolean {
  try {
    window.localStorage.setItem(keyFor(userId, storyId), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(userId: number, storyId: number | 'new'): void {
  try {
    window.localStorage.removeItem(keyFor(userId, storyId));
  } catch {
    // Nothing to do: storage is unavailable, so nothing was kept either.
  }
}
