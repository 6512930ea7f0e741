import type { BodyBlock } from './wire-item';

const MAX_LEXEMES = 5000;
const MAX_WORD_LENGTH = 100;

/**
 * The words a wire item is found by, as a tsvector literal ("'kim' 'russia' …"): lower-case
 * runs of letters and digits, as desk searches are tokenized (toPrefixTsQuery). Computed
 * here because Postgres's to_tsvector cost half of ingest time on the embedded database.
 */
export function wireSearchLexemes(headline: string | null, body: readonly BodyBlock[]): string {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word && word.length <= MAX_WORD_LENGTH && words.size < MAX_LEXEMES) words.add(word);
    }
  };
  add(headline ?? '');
  for (const block of body) add(block.text);
  // Letters and digits only, so nothing needs quoting inside the single quotes.
  return [...words].map((word) => `'${word}'`).join(' ');
}
