import { Fragment } from 'react';
import { authorPath } from '@/lib/public-routes';

/**
 * The byline as readers see it ("By Ana Ruiz and Tom Berg, with AFP", the same sentence
 * as formatByline), each name linking to the author's page.
 */
export function BylineLinks({ bylines, agency }: { bylines: { id: number; name: string }[]; agency: string | null }) {
  if (bylines.length === 0) return agency ? <>{agency}</> : null;
  return (
    <>
      By{' '}
      {bylines.map((byline, index) => (
        <Fragment key={byline.id}>
          {index > 0 && (index === bylines.length - 1 ? ' and ' : ', ')}
          <a href={authorPath(byline)}>{byline.name}</a>
        </Fragment>
      ))}
      {agency && `, with ${agency}`}
    </>
  );
}
