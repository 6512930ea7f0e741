import type { Metadata } from 'next';
import Link from 'next/link';
import { OpenNotesBadge } from '@/components/desk/open-notes-badge';
import { StoryTable } from '@/components/desk/story-table';
import { requireStaff } from '@/lib/auth/current-user';
import { listSections } from '@/lib/sections';
import { DeskFiltersSchema, listBoard, listDeskStories, type DeskFilters } from '@/lib/stories/list-stories';
import { listActiveStaff } from '@/lib/users';
import { STATE_LABELS, STORY_STATES } from '@/lib/workflow';

export const metadata: Metadata = { title: 'Stories' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function href(filters: DeskFilters, changes: Partial<Record<keyof DeskFilters | 'view', string | number | undefined>>) {
  const params = new URLSearchParams();
  const merged = { ...filters, after: undefined, before: undefined, ...changes };
  for (const [key, value] of Object.entries(merged))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `/desk/stories?${query}` : '/desk/stories';
}

export default async function StoriesPage({ searchParams }: Props) {
  const user = await requireStaff();
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const filters = DeskFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const board = first(raw.view) === 'board';
  const [sections, staff] = await Promise.all([listSections(), listActiveStaff(user)]);

  return (
    <>
      <div className="page-heading">
        <h1>Stories</h1>
        <Link href="/desk/stories/new" className="button button--primary">
          New story
        </Link>
      </div>
      <form method="get" className="filters" role="search" aria-label="Filter stories">
        {board && <input type="hidden" name="view" value="board" />}
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} />
        </div>
        {!board && (
          <div className="field">
            <label htmlFor="filter-state">State</label>
            <select id="filter-state" name="state" defaultValue={filters.state ?? ''}>
              <option value="">Any state</option>
              {STORY_STATES.map((state) => (
                <option key={state} value={state}>
                  {STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="filter-section">Section</label>
          <select id="filter-section" name="section" defaultValue={filters.section ?? ''}>
            <option value="">Any section</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">Author</label>
          <select id="filter-author" name="author" defaultValue={filters.author ?? ''}>
            <option value="">Anyone</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            Filter
          </button>
        </div>
      </form>
      <nav aria-label="Views" className="view-switch">
        <Link href={href(filters, { view: undefined })} aria-current={board ? undefined : 'page'}>
          List
        </Link>
        <Link href={href(filters, { view: 'board', state: undefined })} aria-current={board ? 'page' : undefined}>
          Board
        </Link>
      </nav>
      {board ? <Board user={user} filters={filters} /> : <List user={user} filters={filters} />}
    </>
  );
}

async function List({ user, filters }: { user: Awaited<ReturnType<typeof requireStaff>>; filters: DeskFilters }) {
  const page = await listDeskStories(user, filters);
  return (
    <>
      <StoryTable
        stories={page.stories}
        columns={['state', 'section', 'bylines', 'updated']}
        caption="Stories, latest change first"
        empty="No stories match."
      />
      <nav aria-label="Pages" className="pager">
        {page.previous && <Link href={href(filters, { before: page.previous })}>← Newer</Link>}
        {page.next && <Link href={href(filters, { after: page.next })}>Older →</Link>}
      </nav>
    </>
  );
}

async function Board({ user, filters }: { user: Awaited<ReturnType<typeof requireStaff>>; filters: DeskFilters }) {
  const columns = await listBoard(user, filters);
  return (
    <div className="board">
      {STORY_STATES.map((state) => (
        <section key={state} className="board__column" aria-labelledby={`board-${state}`} data-state={state}>
          <h2 id={`board-${state}`}>{STATE_LABELS[state]}</h2>
          {columns[state].length === 0 ? (
            <p className="muted">None</p>
          ) : (
            <ul>
              {columns[state].map((story) => (
                <li key={story.id} className="board__card">
                  <Link href={`/desk/stories/${story.id}`}>{story.headline}</Link>{' '}
                  <OpenNotesBadge count={story.openNotes} />
                  <p className="muted">
                    {story.sectionName} · {story.bylines}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {columns[state].length > 0 && (
            <Link href={href(filters, { state })} className="board__more">
              All {STATE_LABELS[state].toLowerCase()}
            </Link>
          )}
        </section>
      ))}
    </div>
  );
}
