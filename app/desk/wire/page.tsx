import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Wire' };

export default async function WirePage() {
  await requireStaff();
  return (
    <>
      <h1>Wire</h1>
      <section className="empty-state">
        <p>No wire items yet.</p>
      </section>
    </>
  );
}
