'use client';

import { useActionState } from 'react';
import { updateUserAction } from '@/app/desk/admin/actions';
import { ROLE_LABELS } from '@/lib/roles';
import { ActionMessage } from '@/components/ui/action-message';
import { ROLES, type Role } from '@/lib/roles';
import { IDLE } from '@/lib/action-result';

type Props = { user: { id: number; name: string; role: Role; active: boolean } };

/** Role and access controls for one account row of the admin screen. */
export function UserControls({ user }: Props) {
  const [result, formAction, pending] = useActionState(updateUserAction, IDLE);
  return (
    <div className="user-controls">
      <form action={formAction} className="user-controls__role">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`role-${user.id}`} className="visually-hidden">
          Role for {user.name}
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role} key={user.role}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--quiet" disabled={pending}>
          Change role<span className="visually-hidden"> for {user.name}</span>
        </button>
      </form>
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <button type="submit" className="button button--quiet" disabled={pending}>
          {user.active ? 'Deactivate' : 'Activate'}
          <span className="visually-hidden"> {user.name}</span>
        </button>
      </form>
      <ActionMessage result={result} />
    </div>
  );
}
