'use client';

export default function DeskError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="notice">
      <h1>Something went wrong</h1>
      <p>The desk could not load this page. Nothing you saved is lost. Try again in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
