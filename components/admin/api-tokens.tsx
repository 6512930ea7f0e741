'use client';

import { useActionState } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/app/desk/admin/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { IDLE, type ActionResult } from '@/lib/action-result';

type Token = {
  id: number;
  name: string;
  prefix: string;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** API tokens for POST /api/wire: create (shown once), list, revoke. */
export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const [created, createAction, creating] = useActionState<ActionResult, FormData>(createApiTokenAction, IDLE);
  const [revoked, revokeAction] = useActionState<ActionResult, FormData>(revokeApiTokenAction, IDLE);
  const nameErrors = created.status === 'error' ? created.fieldErrors?.name : undefined;
  return (
    <>
      {tokens.length === 0 ? (
        <p className="muted">No API tokens yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'is-inactive' : undefined}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  {token.createdAt} by {token.createdByName}
                </td>
                <td>{token.lastUsedAt ?? 'never'}</td>
                <td>
                  {token.revokedAt ? (
                    `Revoked ${token.revokedAt}`
                  ) : (
                    <form action={revokeAction}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className="button button--small button--danger">
                        Revoke<span className="visually-hidden"> {token.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionMessage result={revoked} />
      <form action={createAction} className="form form--inline">
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={80}
            placeholder="e.g. AFP feed"
            aria-describedby={nameErrors ? 'token-name-error' : undefined}
          />
          <FieldError id="token-name-error" messages={nameErrors} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={creating}>
            Create token
          </button>
        </div>
        <ActionMessage result={created} />
        {created.status === 'success' && created.token && (
          <p className="token-once">
            <label htmlFor="new-token">New token</label>
            <input id="new-token" readOnly value={created.token} onFocus={(event) => event.target.select()} />
          </p>
        )}
      </form>
    </>
  );
}
