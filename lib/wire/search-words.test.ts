import { expect, test } from 'vitest';
import { wireSearchLexemes } from './search-words';

test('words are lower-cased, split on anything but letters and digits, and listed once', () => {
  expect(
    wireSearchLexemes('Kim’s train: Pyongyang–Vladivostok', [
      { type: 'paragraph', text: 'The TRAIN left at 06:30; Kim waved.' },
      { type: 'heading', text: 'Pay a price' },
    ]),
  ).toBe("'kim' 's' 'train' 'pyongyang' 'vladivostok' 'the' 'left' 'at' '06' '30' 'waved' 'pay' 'a' 'price'");
});

test('letters beyond ASCII are kept; quotes and backslashes never reach the literal', () => {
  const literal = wireSearchLexemes("Élysée d'été \\ 'quoted'", []);
  expect(literal).toBe("'élysée' 'd' 'été' 'quoted'");
});

test('an item with no words has an empty vector', () => {
  expect(wireSearchLexemes(null, [])).toBe('');
});
