import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per process on first request (see getAuthOptions), not at import.
async function handleAuth(request: Request, context: Context): Promise<Response> {
  const handler = NextAuth(getAuthOptions()) as (request: Request, context: Context) => Promise<Response>;
  return handler(request, context);
}

export { handleAuth as GET, handleAuth as POST };
