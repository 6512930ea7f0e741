/**
 * The byline line readers see: "By Ana Ruiz and Tom Berg, with AFP"; agency copy with no
 * staff byline is credited to the agency alone ("AFP").
 */
export function formatByline(names: string[], agency: string | null): string {
  const people =
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  if (!people) return agency ?? '';
  return agency ? `By ${people}, with ${agency}` : `By ${people}`;
}
