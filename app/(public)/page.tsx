import { getConfig } from '@/lib/config';

export default function HomePage() {
  const { siteName } = getConfig();
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">{siteName}</h1>
      <section className="empty-state" aria-labelledby="empty-heading">
        <h2 id="empty-heading">Nothing published yet</h2>
        <p>Stories appear here as soon as the newsroom publishes them.</p>
      </section>
    </main>
  );
}
