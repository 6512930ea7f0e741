import type { Metadata } from 'next';
import Link from 'next/link';
import { WireAutoRefresh } from '@/components/wire/wire-auto-refresh';
import { WireBadges } from '@/components/wire/wire-badges';
import { WireUpload } from '@/components/wire/wire-upload';
import { requireStaff } from '@/lib/auth/current-user';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import {
  getNewestWireItemId,
  getWireFilterOptions,
  listWireQueue,
  URGENT_MAX,
  WireFiltersSchema,
  type WireFilters,
} from '@/lib/wire/wire-queue';

export const metadata: Metadata = { title: 'Wire' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(filters: WireFilters, after: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, after })) if (value) params.set(key, String(value));
  return `/desk/wire?${params.toString()}`;
}

export default async function WirePage({ searchParams }: Props) {
  const user = await requireStaff();
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const filters = WireFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const [queue, options, newestId] = await Promise.all([
    listWireQueue(user, filters),
    getWireFilterOptions(user),
    getNewestWireItemId(user),
  ]);
  const now = new Date();

  return (
    <>
      <h1>Wire</h1>
      <WireUpload />
      <WireAutoRefresh newestId={newestId} />
      <form method="get" className="filters" role="search" aria-label="Filter wire items">
        <div className="field">
          <label htmlFor="wire-q">Search</label>
          <input id="wire-q" name="q" type="search" defaultValue={filters.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="wire-agency">Agency</label>
          <select id="wire-agency" name="agency" defaultValue={filters.agency ?? ''}>
            <option value="">Any agency</option>
            {options.agencies.map((agency) => (
              <option key={agency}>{agency}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wire-section">Section</label>
          <select id="wire-section" name="section" defaultValue={filters.section ?? ''}>
            <option value="">Any section</option>
            {options.sections.map((section) => (
              <option key={section}>{section}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wire-language">Language</label>
          <select id="wire-language" name="language" defaultValue={filters.language ?? ''}>
            <option value="">Any language</option>
            {options.languages.map((language) => (
              <option key={language}>{language}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wire-urgent">Urgency</label>
          <select id="wire-urgent" name="urgent" defaultValue={filters.urgent ?? ''}>
            <option value="">Any urgency</option>
            <option value="1">Urgent only (1–{URGENT_MAX})</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="wire-status">Status</label>
          <select id="wire-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            <option value="new">New</option>
            <option value="used">Used</option>
            <option value="rejected">Rejected</option>
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            Filter
          </button>
        </div>
      </form>
      {queue.items.length === 0 ? (
        <p className="empty-state">No wire items match.</p>
      ) : (
        <table className="table wire-table">
          <caption className="visually-hidden">Wire items, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Agency</th>
              <th scope="col">Section</th>
              <th scope="col">Language</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {queue.items.map((item) => (
              <tr
                key={item.id}
                className={item.urgency !== null && item.urgency <= URGENT_MAX ? 'is-urgent' : undefined}
                data-status={item.status}
              >
                <td>
                  <Link href={`/desk/wire/${item.id}`}>
                    {item.status === 'rejected'
                      ? `Rejected file: ${item.filename ?? 'unnamed'}`
                      : (item.headline ?? 'No headline')}
                  </Link>{' '}
                  <WireBadges item={item} now={now} />
                  {item.status === 'rejected' && <p className="muted wire-reason">{item.rejectReason}</p>}
                  {item.version !== null && item.version > 1 && (
                    <span className="muted"> · version {item.version}</span>
                  )}
                </td>
                <td>{item.agency || '—'}</td>
                <td>{item.section ?? '—'}</td>
                <td>{item.language ?? '—'}</td>
                <td>
                  <time dateTime={item.receivedAt.toISOString()}>{formatNewsroomTime(item.receivedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.next && (
        <nav aria-label="Pages" className="pager">
          <span />
          <Link href={pageHref(filters, queue.next)}>Older →</Link>
        </nav>
      )}
    </>
  );
}
