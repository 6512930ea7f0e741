import { countChangedWords, diffWordsBounded, type DiffPart } from './word-diff';

export type RevisionTexts = { headline: string; standfirst: string; bodyText: string };

export type RevisionDiff = {
  headline: DiffPart[];
  standfirst: DiffPart[];
  /** Paragraphs are separated by a blank line in the text, so they show as paragraphs. */
  body: DiffPart[];
  added: number;
  removed: number;
};

/** What changed from one revision to another, field by field, word by word. */
export function diffRevisions(from: RevisionTexts, to: RevisionTexts): RevisionDiff {
  const headline = diffWordsBounded(from.headline, to.headline);
  const standfirst = diffWordsBounded(from.standfirst, to.standfirst);
  const body = diffWordsBounded(from.bodyText, to.bodyText, 1000);
  const counts = [headline, standfirst, body].map(countChangedWords);
  return {
    headline,
    standfirst,
    body,
    added: counts.reduce((sum, c) => sum + c.added, 0),
    removed: counts.reduce((sum, c) => sum + c.removed, 0),
  };
}

/** Whether a diff changes anything. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.kind !== 'same');
}
