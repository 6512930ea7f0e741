import type { ActionResult } from '@/lib/action-result';

/** The form-level outcome of a server action: an alert on error, a status on success. */
export function ActionMessage({ result }: { result: ActionResult }) {
  if (result.status === 'error' && result.formError) {
    return (
      <p role="alert" className="form-error">
        {result.formError}
      </p>
    );
  }
  if (result.status === 'success' && result.message) {
    return (
      <p role="status" className="form-success">
        {result.message}
      </p>
    );
  }
  return null;
}
