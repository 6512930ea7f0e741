import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { SkipLink } from '@/components/ui/skip-link';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { getCurrentUser } from '@/lib/auth/current-user';
import { describeSignInError } from '@/lib/auth/sign-in-messages';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? describeSignInError(params.error) : null;
  return (
    <>
      <SkipLink />
      <main id="main" className="login">
        <div className="login__panel">
          <p className="login__brand">{getConfig().siteName} desk</p>
          <h1>Sign in</h1>
          <LoginForm callbackUrl={callbackUrl} initialError={error} />
        </div>
      </main>
    </>
  );
}
