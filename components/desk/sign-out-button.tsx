'use client';

import { useState } from 'react';

/** What next-auth's signOut() does, without its client library (~10 KB gzipped on every desk page). */
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut();
        // A full load, not router.push: it drops the client router cache of desk pages,
        // which matters on a shared newsroom terminal.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign('/login');
      }}
    >
      Sign out
    </button>
  );
}
