import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="notice-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </main>
  );
}
