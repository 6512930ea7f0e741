'use client';

import { useEffect, useState } from 'react';
import type { LiveDocument } from './use-live-document';

type Present = { id: number; name: string; editing: boolean; clients: number };

/** Who else has the story open, from the live document's presence (awareness) states. */
export function usePresence(live: LiveDocument, userId: number): { others: Present[]; myOtherTabs: number } {
  const [present, setPresent] = useState<{ others: Present[]; myOtherTabs: number }>({ others: [], myOtherTabs: 0 });
  const provider = live.session?.provider;
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    const read = () => {
      const people = new Map<number, Present>();
      let myOtherTabs = 0;
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
        if (typeof user?.id !== 'number' || typeof user.name !== 'string') continue;
        const editing = (state as { editing?: unknown }).editing === true;
        if (user.id === userId) {
          myOtherTabs++;
          continue;
        }
        const known = people.get(user.id);
        people.set(user.id, {
          id: user.id,
          name: user.name,
          editing: editing || (known?.editing ?? false),
          clients: (known?.clients ?? 0) + 1,
        });
      }
      setPresent({ others: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)), myOtherTabs });
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [provider, userId]);
  return present;
}

function namesOf(people: Present[]): string {
  const names = people.map((p) => p.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The "Editing" banner: who else is in the story right now (presence replaces the edit
 * lock: everyone who may edit types at once), and what changed for this page — the story
 * moved on and became read-only, the connection was refused, or live editing is not served.
 */
export function PresenceBanner({
  live,
  userId,
  served,
  notice,
}: {
  live: LiveDocument;
  userId: number;
  served: boolean;
  notice: string | null;
}) {
  const { others, myOtherTabs } = usePresence(live, userId);
  const lines: string[] = [];
  if (!served) {
    lines.push('Live editing runs in the production server (npm start); this page shows the story read-only.');
  } else if (live.connection === 'refused') {
    lines.push(
      'This page can no longer open the story: you were signed out or your access changed. What you typed is kept in this browser.',
    );
  }
  if (notice) lines.push(notice);
  if (live.accessNotice && live.access === 'read') lines.push(live.accessNotice);
  const editing = others.filter((p) => p.editing);
  const reading = others.filter((p) => !p.editing);
  if (editing.length > 0) lines.push(`${namesOf(editing)} ${editing.length === 1 ? 'is' : 'are'} editing`);
  if (reading.length > 0) lines.push(`${namesOf(reading)} ${reading.length === 1 ? 'is' : 'are'} reading`);
  if (myOtherTabs > 0) lines.push('You also have this story open in another tab or window.');
  if (lines.length === 0) return null;
  return (
    <section className="lock-banner" aria-label="Editing">
      {lines.map((line) => (
        <p key={line} role="status">
          {line}
        </p>
      ))}
    </section>
  );
}
