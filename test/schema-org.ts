// A small schema.org shape checker for the JSON-LD we publish: the types we use, the
// properties Google's article guidelines require or recommend, and their value types.
// No network and no vocabulary download: the shapes are written down here, from
// https://schema.org/NewsArticle, /ImageObject, /Person, /Organization and
// https://developers.google.com/search/docs/appearance/structured-data/article.

type Check = (value: unknown, path: string) => string[];

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const text =
  (max = Infinity): Check =>
  (value, path) =>
    typeof value !== 'string' || value.trim() === ''
      ? [`${path}: expected non-empty text`]
      : value.length > max
        ? [`${path}: ${value.length} characters, at most ${max}`]
        : [];

const url: Check = (value, path) => {
  if (typeof value !== 'string') return [`${path}: expected a URL`];
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? [] : [`${path}: not an http(s) URL`];
  } catch {
    return [`${path}: not an absolute URL (${value})`];
  }
};

const dateTime: Check = (value, path) =>
  typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
    ? []
    : [`${path}: expected an ISO 8601 date-time`];

const pixels: Check = (value, path) =>
  Number.isInteger(value) && (value as number) > 0 ? [] : [`${path}: expected a positive whole number of pixels`];

const listOf =
  (check: Check, min = 1): Check =>
  (value, path) => {
    const items = Array.isArray(value) ? value : [value];
    if (items.length < min) return [`${path}: expected at least ${min}`];
    return items.flatMap((item, i) => check(item, `${path}[${i}]`));
  };

const node =
  (...types: TypeName[]): Check =>
  (value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
    const type = (value as Record<string, unknown>)['@type'];
    if (typeof type !== 'string' || !types.includes(type as TypeName)) {
      return [`${path}: @type ${String(type)}, expected ${types.join(' or ')}`];
    }
    return checkNode(value as Record<string, unknown>, type as TypeName, path);
  };

type Shape = { required: Record<string, Check>; optional?: Record<string, Check> };

type TypeName = 'NewsArticle' | 'ImageObject' | 'Person' | 'Organization' | 'WebPage' | 'CorrectionComment';

const SHAPES: Record<TypeName, Shape> = {
  NewsArticle: {
    required: {
      headline: text(110),
      description: text(160),
      image: listOf(node('ImageObject')),
      datePublished: dateTime,
      dateModified: dateTime,
      author: listOf(node('Person', 'Organization')),
      publisher: (value, path) => [
        ...node('Organization')(value, path),
        // A publisher needs its logo, as an image with its size (not only a name).
        ...(value && typeof value === 'object' && 'logo' in value ? [] : [`${path}.logo: missing`]),
      ],
      mainEntityOfPage: node('WebPage'),
      url,
    },
    optional: {
      articleSection: text(),
      dateline: text(),
      sourceOrganization: node('Organization'),
      correction: listOf(node('CorrectionComment')),
    },
  },
  ImageObject: {
    required: { url, width: pixels, height: pixels },
    optional: { caption: text(), creditText: text(), contentUrl: url },
  },
  Person: { required: { name: text(), url } },
  Organization: { required: { name: text() }, optional: { url, logo: node('ImageObject') } },
  WebPage: { required: { '@id': url } },
  CorrectionComment: { required: { text: text(), datePublished: dateTime } },
};

function checkNode(value: Record<string, unknown>, type: TypeName, path: string): string[] {
  const shape = SHAPES[type];
  const problems: string[] = [];
  for (const [name, check] of Object.entries(shape.required)) {
    if (value[name] === undefined) problems.push(`${path}.${name}: missing (required on ${type})`);
    else problems.push(...check(value[name], `${path}.${name}`));
  }
  for (const [name, check] of Object.entries(shape.optional ?? {})) {
    if (value[name] !== undefined) problems.push(...check(value[name], `${path}.${name}`));
  }
  const known = new Set(['@context', '@type', ...Object.keys(shape.required), ...Object.keys(shape.optional ?? {})]);
  for (const name of Object.keys(value)) {
    if (!known.has(name)) problems.push(`${path}.${name}: not a property we expect on ${type}`);
  }
  return problems;
}

/** Every way `data` falls short of a NewsArticle search engines can use; empty when it is one. */
export function checkNewsArticle(data: unknown): string[] {
  const problems = node('NewsArticle')(data, 'NewsArticle');
  if (data && typeof data === 'object' && (data as Record<string, unknown>)['@context'] !== 'https://schema.org') {
    problems.unshift('NewsArticle.@context: expected https://schema.org');
  }
  return problems;
}
