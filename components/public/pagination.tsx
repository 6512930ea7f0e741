/** Previous / next links with "Page 2 of 9": plain links, so they work without JavaScript. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = 'Pages',
  previousLabel = 'Newer stories',
  nextLabel = 'Older stories',
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          {previousLabel}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next">
          {nextLabel}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
