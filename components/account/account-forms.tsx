'use client';

import { useActionState } from 'react';
import { changeOwnNameAction, changeOwnPasswordAction } from '@/app/desk/account/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';
import { PASSWORD_MIN_LENGTH } from '@/lib/password-rules';

function fieldErrors(result: ActionResult): Record<string, string[]> {
  return result.status === 'error' ? (result.fieldErrors ?? {}) : {};
}

export function ChangeNameForm({ name }: { name: string }) {
  const [result, formAction, pending] = useActionState(changeOwnNameAction, IDLE);
  const errors = fieldErrors(result);
  return (
    <form action={formAction} className="form form--inline">
      <div className="field">
        <label htmlFor="account-name">Name</label>
        <input
          id="account-name"
          name="name"
          defaultValue={name}
          required
          maxLength={120}
          autoComplete="name"
          aria-describedby={errors.name ? 'account-name-error' : undefined}
        />
        <FieldError id="account-name-error" messages={errors.name} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          Change name
        </button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}

export function ChangePasswordForm() {
  const [result, formAction, pending] = useActionState(changeOwnPasswordAction, IDLE);
  const errors = fieldErrors(result);
  const describedBy = (name: string) => (errors[name] ? `account-${name}-error` : undefined);
  return (
    // A new key after a change empties the three fields: passwords are not left on screen.
    <form action={formAction} className="form" key={result.status === 'success' ? 'changed' : 'form'}>
      <div className="field">
        <label htmlFor="account-currentPassword">Current password</label>
        <input
          id="account-currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={describedBy('currentPassword')}
        />
        <FieldError id="account-currentPassword-error" messages={errors.currentPassword} />
      </div>
      <div className="field">
        <label htmlFor="account-newPassword">New password</label>
        <input
          id="account-newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          aria-describedby={describedBy('newPassword') ?? 'account-newPassword-hint'}
        />
        <p id="account-newPassword-hint" className="muted">
          At least {PASSWORD_MIN_LENGTH} characters.
        </p>
        <FieldError id="account-newPassword-error" messages={errors.newPassword} />
      </div>
      <div className="field">
        <label htmlFor="account-confirmPassword">New password again</label>
        <input
          id="account-confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={describedBy('confirmPassword')}
        />
        <FieldError id="account-confirmPassword-error" messages={errors.confirmPassword} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          Change password
        </button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
