'use client';

import { signIn } from 'next-auth/react';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { describeSignInError } from '@/lib/auth/sign-in-messages';

const noSubscription = () => () => {};

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  // The button waits for the script: a click before it loads would post the form nowhere.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!result || result.error || !result.ok) {
        setError(describeSignInError(result?.error ?? 'unknown'));
        setPending(false);
        return;
      }
      // A full navigation, so the server renders the desk with the new session cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError('Wiredesk could not be reached. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    // method="post" keeps the password out of the URL should the script not have loaded.
    <form method="post" onSubmit={handleSubmit} className="form" aria-describedby={error ? 'login-error' : undefined}>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && (
        <p id="login-error" role="alert" className="form-error">
          {error}
        </p>
      )}
      <noscript>
        <p className="form-error">Signing in to the desk needs JavaScript.</p>
      </noscript>
      <button type="submit" className="button button--primary" disabled={pending || !ready}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
