import Link from 'next/link';

export default function DeskNotFound() {
  return (
    <div className="notice">
      <h1>Not found</h1>
      <p>There is nothing at this address in the desk. It may have been moved or spiked.</p>
      <p>
        <Link href="/desk">Back to the dashboard</Link>
      </p>
    </div>
  );
}
