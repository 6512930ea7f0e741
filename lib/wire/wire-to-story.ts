import type { StoryBlock, StoryBody } from '@/lib/stories/story-body';
import { MAX_HEADLINE_LENGTH, MAX_STANDFIRST_LENGTH } from '@/lib/stories/story-input';
import type { WireItem } from './wire-item';

// Pure mapping from a normalized wire item to a draft's fields.

// Agency section names and IPTC media topics → our section slugs.
const SECTION_WORDS: Record<string, string> = {
  world: 'world',
  international: 'world',
  foreign: 'world',
  europe: 'world',
  asia: 'world',
  africa: 'world',
  americas: 'world',
  'middle east': 'world',
  politics: 'politics',
  political: 'politics',
  government: 'politics',
  business: 'business',
  economy: 'business',
  economics: 'business',
  finance: 'business',
  markets: 'business',
  money: 'business',
  technology: 'technology',
  tech: 'technology',
  science: 'technology',
  'science and technology': 'technology',
  sport: 'sport',
  sports: 'sport',
  football: 'sport',
  culture: 'culture',
  arts: 'culture',
  entertainment: 'culture',
  'arts and entertainment': 'culture',
  'arts, culture and entertainment': 'culture',
  lifestyle: 'culture',
};

const MEDIA_TOPICS: Record<string, string> = {
  '01': 'culture', // arts, culture, entertainment and media
  '04': 'business', // economy, business and finance
  '11': 'politics', // politics
  '13': 'technology', // science and technology
  '15': 'sport', // sport
};

/** The section a wire item belongs in: its own section name, else its IPTC subjects, else none. */
export function mapWireSection(item: Pick<WireItem, 'section' | 'subjects'>, sectionSlugs: string[]): string | null {
  const available = new Set(sectionSlugs);
  const named = item.section?.toLowerCase().trim();
  if (named) {
    if (available.has(named)) return named;
    const mapped = SECTION_WORDS[named];
    if (mapped && available.has(mapped)) return mapped;
  }
  for (const subject of item.subjects) {
    const match = /^(?:medtop|iptc|subj):?(\d{2})/i.exec(subject.code);
    const mapped = match ? MEDIA_TOPICS[match[1]!] : undefined;
    if (mapped && available.has(mapped)) return mapped;
  }
  return null;
}

/** Wire body blocks as a story body: paragraphs stay paragraphs, crossheads become H2. */
export function wireBodyToStoryBody(blocks: WireItem['body']): StoryBody {
  const content: StoryBlock[] = blocks
    .filter((block) => block.text.trim() !== '')
    .map((block) =>
      block.type === 'heading'
        ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: block.text }] }
        : { type: 'paragraph', content: [{ type: 'text', text: block.text }] },
    );
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Headline, standfirst and dateline for a draft made from this item. */
export function wireStoryFields(item: WireItem): { headline: string; standfirst: string; dateline: string | null } {
  const firstParagraph = item.body.find((block) => block.type === 'paragraph')?.text;
  const headline = item.headline ?? item.slugline ?? firstParagraph ?? 'Untitled wire copy';
  const standfirst =
    item.subheadline ?? item.descriptions.find((d) => /summary|teaser|abstract/i.test(d.role ?? ''))?.text ?? '';
  const place = item.dateline?.place ?? null;
  return {
    headline: clip(headline.replace(/\s+/g, ' ').trim(), MAX_HEADLINE_LENGTH),
    standfirst: clip(standfirst.replace(/\s+/g, ' ').trim(), MAX_STANDFIRST_LENGTH),
    dateline: place ? clip(place.trim(), 100) : null,
  };
}
