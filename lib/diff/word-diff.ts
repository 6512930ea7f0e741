import { diffWordsWithSpace } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const toParts = (changes: { added: boolean; removed: boolean; value: string }[]): DiffPart[] =>
  changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));

/** A word-level diff of two texts (insertions and deletions), for wire updates and revisions. */
export function diffWords(before: string, after: string): DiffPart[] {
  return toParts(diffWordsWithSpace(before, after));
}

/**
 * Like diffWords, but gives up after `timeoutMs` (two long, wholly different texts cost
 * seconds to align word by word): then the whole old text is removed and the new added.
 * Used wherever a person is waiting for the answer.
 */
export function diffWordsBounded(before: string, after: string, timeoutMs = 250): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const changes = diffWordsWithSpace(before, after, { timeout: timeoutMs });
  if (changes) return toParts(changes);
  return [
    ...(before ? [{ kind: 'removed' as const, text: before }] : []),
    ...(after ? [{ kind: 'added' as const, text: after }] : []),
  ];
}

/** How many words a change adds and removes. */
export function countChangedWords(parts: DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.kind === 'added') added += words(part.text);
    if (part.kind === 'removed') removed += words(part.text);
  }
  return { added, removed };
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * Words added and removed between two texts, cheaply enough for every save: an exact
 * word diff when the texts are close, else (past the edit budget) the difference of the
 * two texts' word counts per word — exact for insertions and deletions, blind to moves.
 */
export function countWordChanges(before: string, after: string): { added: number; removed: number } {
  if (before === after) return { added: 0, removed: 0 };
  const changes = diffWordsWithSpace(before, after, { maxEditLength: 400 });
  if (changes) return countChangedWords(toParts(changes));
  const counts = new Map<string, number>();
  for (const word of wordsOf(before)) counts.set(word, (counts.get(word) ?? 0) + 1);
  let added = 0;
  for (const word of wordsOf(after)) {
    const left = counts.get(word) ?? 0;
    if (left > 0) counts.set(word, left - 1);
    else added++;
  }
  let removed = 0;
  for (const left of counts.values()) removed += left;
  return { added, removed };
}
