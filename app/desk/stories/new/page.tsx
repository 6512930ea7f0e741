import type { Metadata } from 'next';
import { NewStoryForm } from '@/components/story/new-story-form';
import { requireStaffWith } from '@/lib/auth/current-user';
import { newsroomTimeZone } from '@/lib/newsroom-time';
import { listSections } from '@/lib/sections';
import { emptyStoryBody } from '@/lib/stories/story-body';
import { listActiveStaff } from '@/lib/users';

export const metadata: Metadata = { title: 'New story' };

export default async function NewStoryPage() {
  const user = await requireStaffWith('story:create');
  const [sections, staff] = await Promise.all([listSections(), listActiveStaff(user)]);
  return (
    <>
      <h1>New story</h1>
      <NewStoryForm
        userId={user.id}
        initial={{
          headline: '',
          standfirst: '',
          slug: '',
          sectionId: null,
          dateline: '',
          body: emptyStoryBody(),
          authors: [{ id: user.id, name: user.name }],
        }}
        sections={sections}
        staff={staff}
        timeZone={newsroomTimeZone()}
      />
    </>
  );
}
