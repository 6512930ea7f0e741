import { expect, test } from 'vitest';
import { formatByline } from './byline';

test.each([
  [['Ana Ruiz'], null, 'By Ana Ruiz'],
  [['Ana Ruiz'], 'AFP', 'By Ana Ruiz, with AFP'],
  [['Ana Ruiz', 'Tom Berg'], 'Reuters', 'By Ana Ruiz and Tom Berg, with Reuters'],
  [['Ana Ruiz', 'Tom Berg', 'Li Wei'], null, 'By Ana Ruiz, Tom Berg and Li Wei'],
  [[], 'AP', 'AP'],
  [[], null, ''],
] as const)('bylines %o with agency %o read "%s"', (names, agency, expected) => {
  expect(formatByline([...names], agency)).toBe(expected);
});
