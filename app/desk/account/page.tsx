import type { Metadata } from 'next';
import { ChangeNameForm, ChangePasswordForm } from '@/components/account/account-forms';
import { requireStaff } from '@/lib/auth/current-user';
import { ROLE_LABELS } from '@/lib/roles';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireStaff();
  return (
    <>
      <h1>Your account</h1>
      <p>
        {user.email} · {ROLE_LABELS[user.role]}
      </p>
      <section aria-labelledby="name-heading" className="panel">
        <h2 id="name-heading">Name</h2>
        <p className="muted">Your name appears in bylines, notes and the timeline.</p>
        <ChangeNameForm name={user.name} />
      </section>
      <section aria-labelledby="password-heading" className="panel">
        <h2 id="password-heading">Password</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
