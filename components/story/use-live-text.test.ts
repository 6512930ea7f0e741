import { expect, test } from 'vitest';
import { moveThrough } from './use-live-text';

// A caret at 5 in "Ferry strike ends" (after "Ferry").
test.each([
  ['typing after the caret leaves it', [{ retain: 12 }, { insert: ' now' }], 5],
  ['typing before the caret moves it on', [{ retain: 0 }, { insert: 'BREAKING: ' }], 15],
  ['typing right at the caret leaves it before the new text', [{ retain: 5 }, { insert: 'boat' }], 5],
  ['deleting before the caret moves it back', [{ delete: 3 }], 2],
  ['deleting across the caret puts it where the deletion was', [{ retain: 3 }, { delete: 6 }], 3],
  ['deleting after the caret leaves it', [{ retain: 6 }, { delete: 6 }], 5],
])('%s', (_what, delta, expected) => {
  expect(moveThrough(delta, 5)).toBe(expected);
});
