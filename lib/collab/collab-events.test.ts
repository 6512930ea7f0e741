import { expect, test } from 'vitest';
import { decodeCollabEvent, encodeCollabEvent } from './collab-events';

test('an event travels as JSON with its origin and comes back the same', () => {
  const payload = encodeCollabEvent({ kind: 'updates', storyId: 12 }, 'instance-a')!;
  expect(decodeCollabEvent(payload)).toEqual({ kind: 'updates', storyId: 12, origin: 'instance-a' });
});

test('a fold’s message too large for NOTIFY is left out (each instance reads it from the database)', () => {
  const message = {
    kind: 'invalid' as const,
    message: 'x',
    fieldErrors: { body: ['y'.repeat(8000)] },
    stateVector: '',
  };
  const payload = encodeCollabEvent({ kind: 'folded', storyId: 3, message }, 'b')!;
  expect(payload.length).toBeLessThan(8000);
  expect(decodeCollabEvent(payload)).toEqual({ kind: 'folded', storyId: 3, message: null, origin: 'b' });
});

test('presence too large for NOTIFY is not sent at all (it is renewed every few seconds)', () => {
  expect(encodeCollabEvent({ kind: 'awareness', storyId: 3, update: 'z'.repeat(8000) }, 'c')).toBeNull();
});

test.each([
  ['not json'],
  ['null'],
  ['{"kind":"updates","storyId":"12","origin":"a"}'],
  ['{"kind":"updates","storyId":12}'],
  ['{"kind":"drop-table","storyId":12,"origin":"a"}'],
  ['{"kind":"awareness","storyId":12,"origin":"a"}'],
])('anything else on the channel is ignored: %s', (payload) => {
  expect(decodeCollabEvent(payload)).toBeNull();
});
