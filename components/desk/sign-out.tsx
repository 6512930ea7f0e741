import { cookies } from 'next/headers';
import { SignOutButton } from './sign-out-button';

/**
 * "Sign out" as a plain form POST to next-auth, so it works the moment the page shows
 * (before scripts load, or without them). It needs next-auth's CSRF cookie, which the
 * sign-in form set; without it, the scripted button does the same job.
 */
export async function SignOut() {
  const jar = await cookies();
  const csrf = jar.get('__Host-next-auth.csrf-token') ?? jar.get('next-auth.csrf-token');
  const token = csrf?.value.split('|')[0];
  if (!token) return <SignOutButton />;
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={token} />
      <input type="hidden" name="callbackUrl" value="/login" />
      <button type="submit" className="button button--quiet">
        Sign out
      </button>
    </form>
  );
}
