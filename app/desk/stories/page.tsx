import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Stories' };

export default async function StoriesPage() {
  await requireStaff();
  return (
    <>
      <h1>Stories</h1>
      <section className="empty-state">
        <p>No stories yet.</p>
      </section>
    </>
  );
}
