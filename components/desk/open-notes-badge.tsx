/** How many notes on a story are still open; nothing when none are. */
export function OpenNotesBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  const label = `${count} unresolved ${count === 1 ? 'note' : 'notes'}`;
  return (
    <span className="notes-badge" title={label}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
