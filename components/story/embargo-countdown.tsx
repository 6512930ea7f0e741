'use client';

import { useSyncExternalStore } from 'react';
import { describeTimeUntil } from '@/lib/format-time';

function subscribe(onTick: () => void) {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}

/** "lifts in 2 h 13 min", ticking; the server-rendered text stands until the script runs. */
export function EmbargoCountdown({ untilIso, initial }: { untilIso: string; initial: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => describeTimeUntil(Date.parse(untilIso) - Date.now()),
    () => initial,
  );
  return <span className="embargo__countdown">{text}</span>;
}
