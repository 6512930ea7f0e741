import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';

export type Section = { id: number; slug: string; name: string };

/** Sections in their desk and navigation order. */
export async function listSections(): Promise<Section[]> {
  const db = await getDb();
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}
