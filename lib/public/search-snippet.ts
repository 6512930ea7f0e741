// Highlighting for search results without trusting the text: PostgreSQL marks matches
// with private-use characters, and the page turns them into <mark> elements as React
// nodes, so story text is always rendered as text, never as HTML.

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export type SnippetPart = { text: string; match: boolean };

/** ts_headline options: our markers, a couple of short fragments. */
export const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", HighlightAll=true`;
export const SNIPPET_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** "a \uE000b\uE001 c" → [a ][b: match][ c]; stray markers are dropped. */
export function splitHighlights(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}
