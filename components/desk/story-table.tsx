import Link from 'next/link';
import { StateBadge } from '@/components/story/state-badge';
import { formatNewsroomTime } from '@/lib/newsroom-time';
import { OpenNotesBadge } from './open-notes-badge';
import type { DeskStory } from '@/lib/stories/list-stories';

type Column = 'state' | 'section' | 'bylines' | 'updated' | 'submitted' | 'note';

const HEADINGS: Record<Column, string> = {
  state: 'State',
  section: 'Section',
  bylines: 'Bylines',
  updated: 'Updated',
  submitted: 'Submitted',
  note: 'Editor’s note',
};

/** A table of desk stories; the headline links to the story page. */
export function StoryTable({
  stories,
  columns,
  caption,
  empty,
}: {
  stories: DeskStory[];
  columns: Column[];
  caption: string;
  empty: string;
}) {
  if (stories.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {HEADINGS[column]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stories.map((story) => (
          <tr key={story.id}>
            <td>
              <Link href={`/desk/stories/${story.id}`}>{story.headline}</Link>{' '}
              <OpenNotesBadge count={story.openNotes} />
            </td>
            {columns.map((column) => (
              <td key={column}>{renderCell(story, column)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function renderCell(story: DeskStory, column: Column) {
  switch (column) {
    case 'state':
      return <StateBadge state={story.state} />;
    case 'section':
      return story.sectionName;
    case 'bylines':
      return story.bylines;
    case 'updated':
      return <time dateTime={story.updatedAt.toISOString()}>{formatNewsroomTime(story.updatedAt)}</time>;
    case 'submitted':
      return <time dateTime={story.stateChangedAt.toISOString()}>{formatNewsroomTime(story.stateChangedAt)}</time>;
    case 'note':
      return story.openChangeRequest ?? '';
  }
}
