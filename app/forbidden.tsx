import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main" className="notice-page">
      <h1>Not allowed</h1>
      <p>Your role does not give you access to this page. Ask an admin if you need it.</p>
      <p>
        <Link href="/desk">Back to the desk</Link>
      </p>
    </main>
  );
}
