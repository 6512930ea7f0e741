import type { Metadata } from 'next';
import { AddUserForm } from '@/components/admin/add-user-form';
import { ApiTokens } from '@/components/admin/api-tokens';
import { listAdminEvents } from '@/lib/admin-audit';
import { listApiTokens } from '@/lib/api-tokens';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { UserControls } from '@/components/admin/user-controls';
import { requireStaffWith } from '@/lib/auth/current-user';
import { ROLE_LABELS } from '@/lib/roles';
import { listSections } from '@/lib/sections';
import { listUsers } from '@/lib/users';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const admin = await requireStaffWith('users:manage');
  const [staff, sections, tokens, audit] = await Promise.all([
    listUsers(admin),
    listSections(),
    listApiTokens(admin),
    listAdminEvents(admin, { limit: 100 }),
  ]);
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
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className={member.active ? undefined : 'is-inactive'}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{ROLE_LABELS[member.role]}</td>
                <td>{member.active ? 'Active' : 'Deactivated'}</td>
                <td>{member.id === admin.id ? <span className="muted">You</span> : <UserControls user={member} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Add user</h3>
        <AddUserForm />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted">
          For agencies and scripts sending wire files to <code>POST /api/wire</code> with{' '}
          <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        <ApiTokens
          tokens={tokens.map((token) => ({
            ...token,
            createdAt: formatNewsroomTime(token.createdAt),
            lastUsedAt: token.lastUsedAt ? formatNewsroomTime(token.lastUsedAt) : null,
            revokedAt: token.revokedAt ? formatNewsroomTime(token.revokedAt) : null,
          }))}
        />
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
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        <p className="muted">Changes to accounts, roles, API tokens and images, newest first.</p>
        {audit.length === 0 ? (
          <p>Nothing yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">To</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.createdAt.toISOString()}>{formatNewsroomTime(event.createdAt)}</time>
                  </td>
                  <td>{event.actorName ?? <span className="muted">Operator (command line)</span>}</td>
                  <td>{event.label}</td>
                  <td>{event.subject}</td>
                  <td>{event.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
