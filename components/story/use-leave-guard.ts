'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';

const WAIT_FOR_SERVER_MS = 3000;

/** Resolves true once the server has everything this page typed (or false after `ms`). */
function waitUntilSynced(provider: HocuspocusProvider, ms: number): Promise<boolean> {
  if (!provider.hasUnsyncedChanges) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      window.clearTimeout(timer);
      provider.off('unsyncedChanges', check);
      resolve(value);
    };
    const check = () => {
      if (!provider.hasUnsyncedChanges) done(true);
    };
    const timer = window.setTimeout(() => done(false), ms);
    provider.on('unsyncedChanges', check);
  });
}

/**
 * Leaving the page while the server does not have everything typed here yet (offline, or
 * the last keystrokes on their way): the browser asks first when the tab is closed or
 * reloaded; a link inside the desk waits a moment for the server, then asks. The text is
 * kept in this browser either way and goes out the next time the story is opened.
 */
export function useLeaveGuard(provider: HocuspocusProvider | null): void {
  const router = useRouter();
  useEffect(() => {
    if (!provider) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!provider.hasUnsyncedChanges) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      if (link.getAttribute('target') === '_blank' || !provider.hasUnsyncedChanges) return;
      const href = link.getAttribute('href')!;
      if (!href.startsWith('/')) return;
      event.preventDefault();
      void waitUntilSynced(provider, WAIT_FOR_SERVER_MS).then((synced) => {
        if (
          synced ||
          window.confirm(
            'Your latest changes have not reached the server yet (they are kept in this browser). Leave anyway?',
          )
        )
          router.push(href);
      });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [provider, router]);
}
