import { beforeAll, expect, test } from 'vitest';
import { createStaff, createTestStory, forceStoryState, getTestSection } from '@/db/factories';
import { getStoryForEditor } from '@/lib/stories/get-story';
import { saveStory } from '@/lib/stories/save-story';
import { transitionStory } from '@/lib/stories/transition-story';
import type { StaffUser } from '@/lib/users';
import { resolveArticlePathCached } from './article-path-cache';

let reporter: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff({ role: 'reporter' });
  editor = await createStaff({ role: 'editor' });
  await getTestSection('world', 'World');
});

test('a remembered answer changes the moment the story is published, moved or taken down', async () => {
  const { id, slug } = await createTestStory(reporter, { headline: 'Cached address story' });
  expect(await resolveArticlePathCached('world', slug)).toEqual({ status: 'unknown' });
  expect(await resolveArticlePathCached('world', slug)).toEqual({ status: 'unknown' });

  await forceStoryState(id, 'approved');
  await transitionStory(editor, id, { action: 'publish' });
  expect(await resolveArticlePathCached('world', slug)).toEqual({ status: 'published' });

  const story = await getStoryForEditor(editor, id);
  await saveStory(editor, id, {
    headline: story.headline,
    standfirst: story.standfirst,
    slug: `${slug}-moved`,
    sectionId: story.section.id,
    body: story.body,
    baseVersion: story.version,
  });
  await transitionStory(editor, id, { action: 'publish_update' });
  expect(await resolveArticlePathCached('world', slug)).toEqual({ status: 'moved', location: `/world/${slug}-moved` });
  expect(await resolveArticlePathCached('world', `${slug}-moved`)).toEqual({ status: 'published' });

  await transitionStory(editor, id, { action: 'kill', note: 'Legal' });
  expect(await resolveArticlePathCached('world', slug)).toEqual({ status: 'gone' });
  expect(await resolveArticlePathCached('world', `${slug}-moved`)).toEqual({ status: 'gone' });
});
