'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/**
 * New wire items appear without a manual reload: the page asks every few seconds for the
 * newest id and re-renders (server side) when it changes. Pauses while the tab is hidden.
 */
export function WireAutoRefresh({ newestId, intervalMs = 5000 }: { newestId: number | null; intervalMs?: number }) {
  const router = useRouter();
  const known = useRef(newestId);
  const [arrived, setArrived] = useState(0);

  useEffect(() => {
    known.current = newestId;
  }, [newestId]);

  useEffect(() => {
    async function check() {
      if (document.hidden) return;
      try {
        const response = await fetch('/api/wire/latest', { cache: 'no-store' });
        if (!response.ok) return;
        const { id } = (await response.json()) as { id: number | null };
        if (id !== null && id !== known.current) {
          known.current = id;
          setArrived((n) => n + 1);
          router.refresh();
        }
      } catch {
        // offline for a moment: try again next time
      }
    }
    const timer = setInterval(() => void check(), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, router]);

  return (
    <p className="visually-hidden" role="status">
      {arrived > 0 ? 'New wire items arrived.' : ''}
    </p>
  );
}
