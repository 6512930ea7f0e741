import type { DiffPart } from '@/lib/diff/word-diff';

// Only spaces and punctuation: too little to read as "unchanged" between two changes.
const FILLER = /^[\s\p{P}]+$/u;

/**
 * A word diff as people read it: a rewritten phrase comes out as one deletion and one
 * insertion, instead of every word struck and inserted in turn around the shared spaces
 * ("<del>reopened</del> <ins>stays</ins> <del>on</del> <ins>shut</ins>…"). Both texts
 * stay whole: the old one is every unchanged and removed part in order, the new one
 * every unchanged and added part.
 */
export function groupChanges(parts: DiffPart[]): DiffPart[] {
  const grouped: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === 'same') {
      grouped.push(parts[i]!);
      i++;
      continue;
    }
    // The run of changes from here, with nothing but filler between them.
    let end = i;
    while (end < parts.length) {
      const part = parts[end]!;
      if (part.kind !== 'same') end++;
      else if (FILLER.test(part.text) && parts[end + 1] && parts[end + 1]!.kind !== 'same') end++;
      else break;
    }
    const run = parts.slice(i, end);
    if (run.some((p) => p.kind === 'removed') && run.some((p) => p.kind === 'added')) {
      const side = (kind: 'removed' | 'added') =>
        run
          .filter((p) => p.kind === kind || p.kind === 'same')
          .map((p) => p.text)
          .join('');
      // Spaces both sides end (or start) with are shared, not changed.
      let removed = side('removed');
      let added = side('added');
      const lead = commonSpace(removed, added, true);
      removed = removed.slice(lead.length);
      added = added.slice(lead.length);
      const trail = commonSpace(removed, added, false);
      removed = removed.slice(0, removed.length - trail.length);
      added = added.slice(0, added.length - trail.length);
      if (lead) grouped.push({ kind: 'same', text: lead });
      grouped.push({ kind: 'removed', text: removed }, { kind: 'added', text: added });
      if (trail) grouped.push({ kind: 'same', text: trail });
    } else {
      grouped.push(...run);
    }
    i = end;
  }
  // Neighbouring unchanged parts are one.
  return grouped.reduce<DiffPart[]>((all, part) => {
    const last = all.at(-1);
    if (last && last.kind === 'same' && part.kind === 'same')
      all[all.length - 1] = { ...last, text: last.text + part.text };
    else if (part.text) all.push(part);
    return all;
  }, []);
}

/** The spaces both texts start (or end) with, character for character. */
function commonSpace(a: string, b: string, leading: boolean): string {
  const edge = leading ? /^\s*/ : /\s*$/;
  const x = edge.exec(a)![0];
  const y = edge.exec(b)![0];
  let n = 0;
  while (n < x.length && n < y.length && (leading ? x[n] === y[n] : x.at(-1 - n) === y.at(-1 - n))) n++;
  return leading ? x.slice(0, n) : x.slice(x.length - n);
}
