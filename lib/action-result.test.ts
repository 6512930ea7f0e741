import { expect, test } from 'vitest';
import { toActionResult } from './action-result';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';

test('a validation error keeps its per-field messages and no form message', () => {
  const error = new ValidationError('Enter a valid email address', { email: ['Enter a valid email address'] });
  expect(toActionResult(error)).toEqual({
    status: 'error',
    formError: undefined,
    fieldErrors: { email: ['Enter a valid email address'] },
  });
});

test('a validation error about the whole form becomes a form message', () => {
  expect(toActionResult(new ValidationError('Nothing to save', { _form: ['Nothing to save'] }))).toEqual({
    status: 'error',
    formError: 'Nothing to save',
    fieldErrors: {},
  });
  expect(toActionResult(new ValidationError('Bad'))).toEqual({ status: 'error', formError: 'Bad', fieldErrors: {} });
});

test.each([[new ForbiddenError()], [new ConflictError('Someone else saved first')], [new NotFoundError('Gone')]])(
  '%o is shown as a form message',
  (error) => {
    expect(toActionResult(error)).toEqual({ status: 'error', formError: error.message });
  },
);

test('any other error is a bug and is rethrown, not shown as if it were the user’s fault', () => {
  const bug = new TypeError('x is undefined');
  expect(() => toActionResult(bug)).toThrow(bug);
});
