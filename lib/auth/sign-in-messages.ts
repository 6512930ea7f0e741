// Shared by the sign-in route (server) and the login form (client): no server imports here.

export const INVALID_CREDENTIALS_MESSAGE = 'Invalid email or password';

const RATE_LIMITED_PREFIX = 'RateLimited:';

/** The error code for an account that still has the demo password in production mode. */
export const DEMO_PASSWORD_ERROR_CODE = 'DemoPassword';

/** The error code next-auth carries back to the form when an email is locked out. */
export function rateLimitedErrorCode(retryAfterMinutes: number): string {
  return `${RATE_LIMITED_PREFIX}${retryAfterMinutes}`;
}

/** Turns next-auth's error code into the sentence the sign-in form shows. */
export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(RATE_LIMITED_PREFIX)) {
    const minutes = Number.parseInt(code.slice(RATE_LIMITED_PREFIX.length), 10);
    const wait = Number.isInteger(minutes) && minutes > 1 ? `in ${minutes} minutes` : 'in a minute';
    return `Too many failed sign-in attempts for this email. Try again later (${wait}).`;
  }
  if (code === 'CredentialsSignin') return INVALID_CREDENTIALS_MESSAGE;
  if (code === DEMO_PASSWORD_ERROR_CODE) {
    return 'This account still has the public demo password, which this server does not accept. Ask an admin to set a new one.';
  }
  return 'Sign-in failed. Please try again.';
}
