import type { WarningCollector } from './warnings';

/** A language tag as BCP 47 (`en-gb` → `en-GB`, `es_ES` → `es-ES`), or null if it is not one. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (tag == null) return null;
  const cleaned = tag.trim().replace(/_/g, '-');
  if (cleaned === '' || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(cleaned)) return null;
  try {
    return Intl.getCanonicalLocales(cleaned)[0] ?? null;
  } catch {
    return null;
  }
}

// Short, frequent function words: enough to tell the wire's languages apart in a paragraph
// or two, and cheap. Detection fills a missing tag and checks a declared one; it never
// overrides the agency's own tag.
const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'was',
    'with',
    'said',
    'on',
    'his',
    'has',
    'have',
    'from',
    'by',
    'it',
    'are',
    'were',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'une',
    'dans',
    'pour',
    'que',
    'qui',
    'du',
    'au',
    'sur',
    'pas',
    'par',
    'avec',
    'ont',
    'aux',
    'été',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'von',
    'den',
    'sich',
    'auf',
    'für',
    'ein',
    'eine',
    'dem',
    'auch',
    'wird',
    'hat',
    'wurde',
    'zu',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'que',
    'una',
    'por',
    'con',
    'para',
    'como',
    'pero',
    'sus',
    'fue',
    'este',
    'entre',
    'sobre',
    'según',
    'han',
    'al',
    'se',
  ],
  it: [
    'il',
    'della',
    'che',
    'per',
    'con',
    'sono',
    'nel',
    'alla',
    'anche',
    'degli',
    'delle',
    'gli',
    'dei',
    'una',
    'non',
    'è',
    'ha',
    'nella',
    'dal',
    'ai',
  ],
  pt: [
    'o',
    'os',
    'da',
    'do',
    'das',
    'dos',
    'que',
    'não',
    'uma',
    'com',
    'para',
    'em',
    'no',
    'na',
    'mais',
    'pelo',
    'pela',
    'foi',
    'ao',
    'seu',
  ],
  nl: [
    'het',
    'een',
    'van',
    'dat',
    'zich',
    'wij',
    'niet',
    'zijn',
    'voor',
    'met',
    'ook',
    'maar',
    'werd',
    'bij',
    'naar',
    'heeft',
    'wordt',
    'deze',
    'als',
    'om',
  ],
  sv: [
    'och',
    'att',
    'det',
    'som',
    'är',
    'för',
    'med',
    'inte',
    'den',
    'till',
    'av',
    'på',
    'har',
    'ett',
    'om',
    'var',
    'vi',
    'kommer',
    'säger',
    'också',
  ],
  da: [
    'og',
    'at',
    'det',
    'som',
    'er',
    'for',
    'med',
    'ikke',
    'den',
    'til',
    'af',
    'på',
    'har',
    'et',
    'jeg',
    'blev',
    'fra',
    'der',
    'efter',
    'også',
  ],
  nb: [
    'og',
    'å',
    'det',
    'som',
    'er',
    'for',
    'med',
    'ikke',
    'den',
    'til',
    'av',
    'på',
    'har',
    'et',
    'jeg',
    'ble',
    'fra',
    'etter',
    'også',
    'sier',
  ],
  fi: [
    'ja',
    'on',
    'ei',
    'että',
    'se',
    'hän',
    'oli',
    'ovat',
    'kuin',
    'mutta',
    'myös',
    'tai',
    'joka',
    'jo',
    'sen',
    'kun',
    'nyt',
    'vain',
    'jos',
    'ole',
  ],
};
// One lookup per word: word → the languages it is a function word of.
const WORD_LANGUAGES = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), lang]);
}
// Danish and Norwegian share most function words; never call one the other a mismatch.
const SAME_FAMILY: Record<string, string> = { nb: 'no', nn: 'no', no: 'no', da: 'no' };
const MAX_SAMPLE = 2500;

/** The likely language of a text from its script and function words, or null when unsure. */
export function detectLanguage(text: string): { language: string; confident: boolean } | null {
  const sample = text.slice(0, MAX_SAMPLE);
  if (/[\u0600-\u06FF]/.test(sample) && (sample.match(/[\u0600-\u06FF]/g)?.length ?? 0) > 20) {
    return { language: 'ar', confident: true };
  }
  if (/[\u3040-\u30FF]/.test(sample)) return { language: 'ja', confident: true };
  if (/[\uAC00-\uD7AF]/.test(sample)) return { language: 'ko', confident: true };
  if (/[\u0590-\u05FF]/.test(sample)) return { language: 'he', confident: true };
  if (/[\u0370-\u03FF]{20}/.test(sample)) return { language: 'el', confident: true };

  const scores: Record<string, number> = {};
  let words = 0;
  for (const match of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    const languages = WORD_LANGUAGES.get(match[0]);
    if (languages) for (const lang of languages) scores[lang] = (scores[lang] ?? 0) + 1;
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3 || words < 8) return null;
  const runnerUp = second?.[1] ?? 0;
  if (best[1] < runnerUp * 1.2) return null;
  return { language: best[0], confident: best[1] >= 8 && best[1] >= runnerUp * 2 };
}

/**
 * The item's language: the declared tag normalised to BCP 47, else what the text reads as.
 * A declared tag the text clearly contradicts (ANSA's English copy tagged `it`) is kept,
 * since the agency may know better, but flagged.
 */
export function resolveLanguage(
  declared: string | null | undefined,
  text: string,
  warnings: WarningCollector,
): string | null {
  const normalized = normalizeLanguageTag(declared);
  if (declared && declared.trim() !== '' && normalized === null) {
    warnings.add(`Language tag "${declared.trim().slice(0, 20)}" is not BCP 47; ignored`);
  }
  const detected = detectLanguage(text);
  if (normalized === null) return detected?.language ?? null;
  if (detected?.confident) {
    const declaredPrimary = normalized.split('-')[0]!.toLowerCase();
    const family = (lang: string) => SAME_FAMILY[lang] ?? lang;
    if (family(declaredPrimary) !== family(detected.language)) {
      warnings.add(`Declared language ${normalized}, but the text reads as ${detected.language}`);
    }
  }
  return normalized;
}
