'use client';

import { diffWordsBounded, type DiffPart } from '@/lib/diff/word-diff';
import type { StoryDraft, TheirCopy } from '@/lib/stories/autosave-protocol';
import { storyBodyToText } from '@/lib/stories/story-body-model';
import { formatDateTime } from '@/lib/format-time';
import { groupChanges } from './group-changes';

type Texts = { headline: string; standfirst: string; body: string };
const textsOf = (draft: StoryDraft): Texts => ({
  headline: draft.headline,
  standfirst: draft.standfirst,
  body: storyBodyToText(draft.body),
});

/** One side of a comparison: the shared words plain, this side's own words marked. */
function Side({ parts, side }: { parts: DiffPart[]; side: 'theirs' | 'mine' }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.kind === 'same') return <span key={i}>{part.text}</span>;
        if (side === 'theirs' && part.kind === 'removed') return <del key={i}>{part.text}</del>;
        if (side === 'mine' && part.kind === 'added') return <ins key={i}>{part.text}</ins>;
        return null;
      })}
    </>
  );
}

function Column({
  title,
  side,
  diffs,
}: {
  title: string;
  side: 'theirs' | 'mine';
  diffs: Record<keyof Texts, DiffPart[]>;
}) {
  return (
    <div className="conflict__column">
      <h3>{title}</h3>
      <p className="conflict__headline">
        <Side parts={diffs.headline} side={side} />
      </p>
      <p className="conflict__standfirst">
        <Side parts={diffs.standfirst} side={side} />
      </p>
      <div className="conflict__body">
        <Side parts={diffs.body} side={side} />
      </div>
    </div>
  );
}

function diffsOf(theirs: StoryDraft, mine: StoryDraft): Record<keyof Texts, DiffPart[]> {
  const a = textsOf(theirs);
  const b = textsOf(mine);
  return {
    headline: groupChanges(diffWordsBounded(a.headline, b.headline)),
    standfirst: groupChanges(diffWordsBounded(a.standfirst, b.standfirst)),
    body: groupChanges(diffWordsBounded(a.body, b.body, 500)),
  };
}

/**
 * Someone saved the story while this page was editing an older version. Both texts are
 * already safe (theirs is the story, yours a kept revision); this asks which goes on.
 */
export function ConflictPanel({
  mine,
  theirs,
  timeZone,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  mine: StoryDraft;
  theirs: TheirCopy;
  /** The newsroom's zone (the browser's if absent). */
  timeZone?: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}) {
  const diffs = diffsOf(theirs, mine);
  const otherFields =
    mine.slug !== theirs.slug ||
    mine.dateline.trim() !== theirs.dateline ||
    mine.sectionId !== theirs.sectionId ||
    mine.authorIds.join() !== theirs.authorIds.join();
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Conflict: {theirs.updatedByName} saved this story while you were editing</h2>
      <p>
        Version {theirs.version} was saved at{' '}
        <time dateTime={theirs.updatedAt}>
          {formatDateTime(new Date(theirs.updatedAt), timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)}
        </time>
        . Your text is safe: it was kept as a revision. Choose what happens next — whichever you choose, the other text
        stays in the revisions.
        {otherFields && ' The slug, dateline, section or bylines differ too.'}
      </p>
      <div className="conflict__columns">
        <Column title={`Their version (${theirs.updatedByName})`} side="theirs" diffs={diffs} />
        <Column title="Your version" side="mine" diffs={diffs} />
      </div>
      <div className="conflict__actions">
        <button type="button" className="button button--primary" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button type="button" className="button" onClick={onMerge}>
          Merge by hand
        </button>
      </div>
    </section>
  );
}

/** While merging by hand: the other version beside yours, to copy from. */
export function TheirVersion({
  conflict,
  onDone,
}: {
  conflict: { mine: StoryDraft; theirs: TheirCopy };
  onDone: () => void;
}) {
  const diffs = diffsOf(conflict.theirs, conflict.mine);
  return (
    <section className="conflict conflict--merging" aria-label="Their version">
      <p>
        Merging: your text is in the editor, based now on {conflict.theirs.updatedByName}’s version{' '}
        {conflict.theirs.version}. Copy what you need from theirs; it is saved when you change something.
      </p>
      <Column title={`Their version (${conflict.theirs.updatedByName})`} side="theirs" diffs={diffs} />
      <button type="button" className="button" onClick={onDone}>
        Done merging
      </button>
    </section>
  );
}
