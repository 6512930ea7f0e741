import { expect, test } from 'vitest';
import { describeSignInError, INVALID_CREDENTIALS_MESSAGE, rateLimitedErrorCode } from './sign-in-messages';

test('a wrong email or password reads the same: Invalid email or password', () => {
  expect(describeSignInError('CredentialsSignin')).toBe('Invalid email or password');
  expect(INVALID_CREDENTIALS_MESSAGE).toBe('Invalid email or password');
});

test('a locked-out email is told to try again later, with the wait', () => {
  expect(describeSignInError(rateLimitedErrorCode(12))).toBe(
    'Too many failed sign-in attempts for this email. Try again later (in 12 minutes).',
  );
  expect(describeSignInError(rateLimitedErrorCode(1))).toContain('Try again later (in a minute)');
});

test('no error, no message; an unknown error gets a generic one', () => {
  expect(describeSignInError(null)).toBeNull();
  expect(describeSignInError('OAuthSignin')).toBe('Sign-in failed. Please try again.');
});
