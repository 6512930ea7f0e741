import Link from 'next/link';

export default function DeskForbidden() {
  return (
    <div className="notice">
      <h1>Not allowed</h1>
      <p>Your role does not give you access to this page. Ask an admin if you need it.</p>
      <p>
        <Link href="/desk">Back to the dashboard</Link>
      </p>
    </div>
  );
}
