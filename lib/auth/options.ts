import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '@/lib/config';
import { getAuthSecret } from './secret';
import { signInWithPassword } from './sign-in';
import { DEMO_PASSWORD_ERROR_CODE, rateLimitedErrorCode } from './sign-in-messages';

// A newsroom shift plus slack; an active session is re-issued every hour.
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

let cached: AuthOptions | undefined;

/**
 * next-auth's configuration, built on first request rather than at import, so that
 * `next build` never reads the data directory for the generated secret.
 */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL; default it to our base URL.
  process.env.NEXTAUTH_URL ??= getConfig().baseUrl;
  cached = {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const forwarded = request?.headers?.['x-forwarded-for'];
          const ip = typeof forwarded === 'string' ? (forwarded.split(',')[0]?.trim() ?? null) : null;
          const result = await signInWithPassword({
            email: credentials?.email,
            password: credentials?.password,
            ip,
          });
          if (result.status === 'rate_limited') {
            const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
            // next-auth hands a thrown message back to the form as its error code.
            throw new Error(rateLimitedErrorCode(minutes));
          }
          if (result.status === 'demo_password') throw new Error(DEMO_PASSWORD_ERROR_CODE);
          if (result.status === 'invalid') return null;
          return { id: String(result.user.id), name: result.user.name, email: result.user.email };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Only the id is trusted from the token; role and active are re-read per request.
        if (user) token.uid = Number(user.id);
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.uid === 'number') session.user.id = token.uid;
        return session;
      },
    },
  };
  return cached;
}
