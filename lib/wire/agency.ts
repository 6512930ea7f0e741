// Canonical agency names: the short form each agency uses for itself on the wire.
// Keys are folded (lower case, no "the", punctuation to spaces).
const AGENCIES: Record<string, string[]> = {
  AFP: ['afp', 'agence france presse', 'afp com', 'afptv', 'agence france presse afp'],
  AP: ['ap', 'associated press', 'ap org', 'apnews', 'ap news', 'associated press ap'],
  Reuters: ['reuters', 'thomson reuters', 'reuters com', 'rtr', 'reuters news'],
  dpa: ['dpa', 'deutsche presse agentur', 'deutsche presse agentur gmbh', 'dpa com', 'dpa de', 'nprov dpa'],
  EFE: ['efe', 'agencia efe', 'efe com', 'efeservicios', 'texto efeservicios com'],
  ANSA: ['ansa', 'ansa it', 'agenzia ansa'],
  PA: ['pa', 'press association', 'pa media', 'pa mediapoint'],
  NTB: ['ntb', 'norsk telegrambyra', 'ntb no'],
  Ritzau: ['ritzau', 'ritzau dk', 'ritzaus bureau'],
  TT: ['tt', 'tt nyhetsbyran', 'tt se'],
  STT: ['stt', 'stt lehtikuva', 'stt fi', 'stt info'],
  Kyodo: ['kyodo', 'kyodo news'],
  ATS: ['ats', 'sda', 'keystone ats', 'keystone sda', 'ats afp', 'sda ats'],
  CP: ['cp', 'canadian press', 'cp org'],
  Belga: ['belga', 'belga be'],
  ANP: ['anp', 'anp nl'],
  APA: ['apa', 'austria presse agentur'],
  AAP: ['aap', 'australian associated press'],
  Xinhua: ['xinhua', 'xinhua news agency', 'xinhuanet'],
  Yonhap: ['yonhap', 'yonhap news agency'],
  'Anadolu Agency': ['anadolu', 'anadolu agency', 'aa com tr'],
  TASS: ['tass', 'itar tass'],
  PTI: ['pti', 'press trust of india'],
  UPI: ['upi', 'united press international'],
  WENN: ['wenn', 'wenn newsdesk', 'wenn feed', 'wenn com'],
  Lusa: ['lusa', 'agencia lusa'],
  'Europa Press': ['europa press', 'europapress'],
  Bloomberg: ['bloomberg', 'bloomberg news'],
};

const ALIASES = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(AGENCIES)) {
  for (const alias of aliases) ALIASES.set(alias, canonical);
}
// Whole-word search in free text (an "About the author" block): long names are safe in
// any case; acronyms only count in capitals ("AP", not "ap" inside a sentence).
const LONG_NAMES = [...ALIASES.keys()].filter(
  (alias) => alias.includes(' ') && !/\b(com|org|de|it|fi|no|se|dk|be|nl)\b/.test(alias),
);
const ACRONYMS = Object.keys(AGENCIES).filter((name) => /^[A-Z]{2,5}$/.test(name));

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

/** The canonical name of a known agency (`Agence France-Presse` → `AFP`), or null if unknown. */
export function findKnownAgency(value: string | null | undefined): string | null {
  if (!value) return null;
  const folded = fold(value);
  if (folded === '') return null;
  const direct = ALIASES.get(folded) ?? ALIASES.get(folded.replace(/^nprov /, ''));
  if (direct) return direct;
  // "WENN Newsdesk", "dpa-AFX": a known name as the first word of a short label.
  const words = folded.split(' ');
  if (words.length <= 4) {
    for (let take = Math.min(3, words.length); take >= 1; take--) {
      const hit = ALIASES.get(words.slice(0, take).join(' '));
      if (hit) return hit;
    }
  }
  return null;
}

/** Canonical name if known, otherwise the source's own wording, trimmed (null when empty). */
export function canonicalAgency(value: string | null | undefined): string | null {
  if (!value) return null;
  const known = findKnownAgency(value);
  if (known) return known;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned.slice(0, 100);
}

/** The first agency named in a free-text block (long names first, then capitalised acronyms). */
export function findAgencyInText(text: string): string | null {
  const folded = ` ${fold(text)} `;
  let best: { index: number; name: string } | null = null;
  for (const alias of LONG_NAMES) {
    const index = folded.indexOf(` ${alias} `);
    if (index !== -1 && (best === null || index < best.index)) best = { index, name: ALIASES.get(alias)! };
  }
  if (best) return best.name;
  for (const acronym of ACRONYMS) {
    if (new RegExp(`(^|[^A-Za-z])${acronym}([^A-Za-z]|$)`).test(text)) return acronym;
  }
  return null;
}

/** The agency a domain-based id points at: `urn:newsml:afp.com:…`, `tag:ap.org,2011:…`, `tag_reuters.com_…`. */
export function findAgencyInId(id: string | null | undefined): string | null {
  if (!id) return null;
  const match = /^(?:urn:newsml:|tag:|tag_|https?:\/\/(?:www\.)?)([a-z0-9.-]+?\.[a-z]{2,})(?=[:,_/]|$)/i.exec(id);
  if (!match) return null;
  const domain = match[1]!.toLowerCase();
  const parts = domain.split('.');
  // texto.efeservicios.com → try the full domain, then the registrable part.
  return findKnownAgency(domain) ?? findKnownAgency(parts.slice(-2).join('.')) ?? findKnownAgency(parts.at(-2) ?? '');
}
