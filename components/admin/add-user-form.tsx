'use client';

import { useActionState } from 'react';
import { addUserAction } from '@/app/desk/admin/actions';
import { ROLE_LABELS } from '@/lib/roles';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { ROLES } from '@/lib/roles';
import { IDLE } from '@/lib/action-result';

export function AddUserForm() {
  const [result, formAction, pending] = useActionState(addUserAction, IDLE);
  const errors = result.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const describedBy = (name: string) => (errors[name] ? `add-user-${name}-error` : undefined);
  return (
    // A new key after each success empties the form for the next colleague.
    <form action={formAction} className="form form--inline" key={result.status === 'success' ? result.message : 'form'}>
      <div className="field">
        <label htmlFor="add-user-name">Name</label>
        <input id="add-user-name" name="name" required aria-describedby={describedBy('name')} />
        <FieldError id="add-user-name-error" messages={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="add-user-email">Email</label>
        <input id="add-user-email" name="email" type="email" required aria-describedby={describedBy('email')} />
        <FieldError id="add-user-email-error" messages={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="add-user-role">Role</label>
        <select id="add-user-role" name="role" defaultValue="reporter" aria-describedby={describedBy('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <FieldError id="add-user-role-error" messages={errors.role} />
      </div>
      <div className="field">
        <label htmlFor="add-user-password">Password</label>
        <input
          id="add-user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          aria-describedby={describedBy('password')}
        />
        <FieldError id="add-user-password-error" messages={errors.password} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          Add user
        </button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
