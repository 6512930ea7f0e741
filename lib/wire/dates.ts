import { quoteForMessage } from './text';
import type { WarningCollector } from './warnings';

// Month names and abbreviations in the languages wire and feeds arrive in (en, fr, es, pt,
// it, de, nl, Nordic), keyed without accents or a trailing dot.
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [
    1,
    [
      'jan',
      'january',
      'janv',
      'janvier',
      'ene',
      'enero',
      'gen',
      'gennaio',
      'janeiro',
      'januar',
      'januari',
      'jaen',
      'jaenner',
    ],
  ],
  [2, ['feb', 'february', 'fev', 'fevr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februar', 'februari']],
  [3, ['mar', 'march', 'mars', 'marzo', 'marco', 'maerz', 'marz', 'maart', 'mrt', 'mars']],
  [4, ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'mag', 'maggio', 'maio', 'mei', 'maj']],
  [6, ['jun', 'june', 'juin', 'junio', 'giu', 'giugno', 'junho', 'juni']],
  [7, ['jul', 'july', 'juil', 'juillet', 'julio', 'lug', 'luglio', 'julho', 'juli']],
  [8, ['aug', 'august', 'aou', 'aout', 'ago', 'agosto', 'augustus', 'augusti']],
  [9, ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'sett', 'settembre', 'setembro']],
  [10, ['oct', 'october', 'octobre', 'octubre', 'ott', 'ottobre', 'out', 'outubro', 'okt', 'oktober']],
  [11, ['nov', 'november', 'novembre', 'noviembre', 'novembro']],
  [12, ['dec', 'december', 'decembre', 'dic', 'diciembre', 'dicembre', 'dez', 'dezember', 'dezembro']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;
const ENGLISH_DAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const ENGLISH_MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  mez: 60,
  mesz: 120,
  bst: 60,
};

function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '').toLowerCase();
}

/** The month number for a month name or abbreviation in one of the supported languages. */
export function monthFromName(token: string): number | null {
  return MONTHS[foldToken(token)] ?? null;
}

/** An ISO UTC string from parts, or null if they are not a real moment (31 Feb, hour 25). */
export function toUtcIso(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  offsetMinutes = 0,
): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || second > 60 || Math.abs(offsetMinutes) > 14 * 60) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond);
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

function parseOffset(zone: string | undefined): number | null | undefined {
  if (zone === undefined || zone === '') return undefined;
  const trimmed = zone.trim();
  const named = ZONES[trimmed.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(trimmed);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const ISO_LIKE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?|GMT|UTC)?$/i;
const DAY_MONTH_YEAR =
  /^(?:([\p{L}.]{2,12}),?\s+)?(\d{1,2})\.?\s+([\p{L}.]{3,12})\s+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([\p{L}+\-:\d ]{0,12})$/u;
const MONTH_DAY_YEAR =
  /^(?:([\p{L}.]{2,12}),?\s+)?([\p{L}.]{3,12})\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([\p{L}+\-:\d ]{0,12})$/u;

/**
 * Parses the date forms wire formats use (ISO 8601 with or without separators, RFC 822,
 * and feed dates in other languages) to a UTC ISO string. Unreadable values (including
 * CP's literal `YYYYMMDD000000-HHMM` placeholders) give null and a warning.
 */
export function parseWireDate(value: string | null | undefined, warnings: WarningCollector): string | null {
  if (value == null) return null;
  const raw = value.trim();
  if (raw === '' || raw.length > 64) {
    if (raw !== '') warnings.addToGroup('Unreadable dates ignored', quoteForMessage(raw));
    return null;
  }

  const iso = ISO_LIKE.exec(raw);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const offset = parseOffset(zone);
    if (offset === null) {
      warnings.addToGroup('Unreadable dates ignored', quoteForMessage(raw));
      return null;
    }
    if (offset === undefined && h !== undefined) warnings.add('Times without a time zone were read as UTC');
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const result = toUtcIso(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      Math.min(ms, 999),
      offset ?? 0,
    );
    if (result === null) warnings.addToGroup('Unreadable dates ignored', quoteForMessage(raw));
    return result;
  }

  const dmy = DAY_MONTH_YEAR.exec(raw);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(raw);
  if (dmy || mdy) {
    const [weekday, day, monthName, yearText] = dmy
      ? [dmy[1], dmy[2]!, dmy[3]!, dmy[4]!]
      : [mdy![1], mdy![3]!, mdy![2]!, mdy![4]!];
    const [, , , , , h, mi, s, zone] = (dmy ?? mdy)!;
    const month = monthFromName(monthName);
    const offset = parseOffset(zone?.trim());
    if (month !== null && offset !== null) {
      let year = Number(yearText);
      if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
      const result = toUtcIso(
        year,
        month,
        Number(day),
        Number(h ?? 0),
        Number(mi ?? 0),
        Number(s ?? 0),
        0,
        offset ?? 0,
      );
      if (result !== null) {
        const englishWeekday = weekday === undefined || ENGLISH_DAYS.has(foldToken(weekday).slice(0, 3));
        if (!ENGLISH_MONTHS.has(foldToken(monthName).slice(0, 3)) || !englishWeekday || mdy) {
          warnings.add('Dates not in RFC 822 form (other languages or word order) were read leniently');
        }
        if (offset === undefined && h !== undefined) warnings.add('Times without a time zone were read as UTC');
        return result;
      }
    }
  }
  warnings.addToGroup('Unreadable dates ignored', quoteForMessage(raw));
  return null;
}
