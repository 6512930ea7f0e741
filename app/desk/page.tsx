import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireStaff();
  return (
    <>
      <h1>Dashboard</h1>
      <p>Good to see you, {user.name.split(' ')[0]}.</p>
      <section className="empty-state" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{user.role === 'reporter' ? 'My stories' : 'Review queue'}</h2>
        <p>Nothing here yet.</p>
      </section>
    </>
  );
}
