import type { Metadata } from 'next';
import { ROLE_LABELS } from '@/components/desk/role-label';
import { requireStaffWith } from '@/lib/auth/current-user';
import { listSections } from '@/lib/sections';
import { listUsers } from '@/lib/users';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const user = await requireStaffWith('users:manage');
  const [staff, sections] = await Promise.all([listUsers(user), listSections()]);
  return (
    <>
      <h1>Admin</h1>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{ROLE_LABELS[member.role]}</td>
                <td>{member.active ? 'Active' : 'Deactivated'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">Sections</h2>
        <ol className="plain-list">
          {sections.map((section) => (
            <li key={section.id}>
              {section.name} <span className="muted">/{section.slug}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
