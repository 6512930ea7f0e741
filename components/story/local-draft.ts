// Unsaved work kept in this browser (localStorage) until the server has it: it survives a
// reload, a crash, a closed tab or a dropped connection, and is offered back on return.
import type { StoryDraft } from '@/lib/stories/autosave-protocol';
import { normalizeStoryBody } from '@/lib/stories/story-body-model';

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

// jsonb and the editor order keys differently, and the editor adds attributes we never
// store: compare what the server would keep, with sorted keys.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** One string per distinct draft: equal strings mean the server would store the same story. */
export function draftKey(draft: StoryDraft): string {
  return canonical({
    ...draft,
    headline: draft.headline.trim(),
    standfirst: draft.standfirst.trim(),
    dateline: draft.dateline.trim(),
    body: normalizeStoryBody(draft.body),
  });
}
