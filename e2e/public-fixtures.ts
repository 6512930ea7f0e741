// Stories e2e/prepare.ts publishes before the server starts, for e2e/public-site.spec.ts.

export const LEAD_STORY = {
  headline: 'Harbour ferries halted as winter storm closes the strait',
  slug: 'harbour-ferries-halted-as-winter-storm-closes-the-strait',
  section: 'world',
  standfirst: 'Thousands of passengers were stranded on both sides overnight.',
  agency: 'AFP',
  dateline: 'DOVER, England',
  paragraphs: [
    'All crossings were cancelled at dawn as gusts reached 120 km/h.',
    'The port authority said <script>alert("xss")</script> services would resume when the wind drops.',
  ],
} as const;

/** Enough stories in one section for two listing pages. */
export const SPORT_STORY_COUNT = 23;
export const sportHeadline = (n: number) => `Cup round ${n} ends in a late winner`;

/** A word no other fixture uses, for search. */
export const SEARCH_WORD = 'zephyrine';
export const SEARCH_STORY = {
  headline: 'Museum reopens its zephyrine glass gallery',
  section: 'culture',
  paragraphs: ['After a decade of restoration, the zephyrine collection is back on show.'],
} as const;

/** A draft that must never appear anywhere public. */
export const SECRET_DRAFT = {
  headline: 'Unpublished zephyrine draft must not leak',
  paragraphs: ['Draft zephyrine text readers never see.'],
} as const;
