// Signing in as a member of staff over HTTP, as a browser does: next-auth's CSRF token,
// then the credentials callback. Shared by the benchmarks and the reliability runs.

/**
 * @param {Response} response
 * @param {Map<string, string>} jar
 */
function cookieHeader(response, jar) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * Signs in through next-auth's credentials endpoint; returns the Cookie header.
 * @param {string} base
 * @param {string} email
 * @param {string} password
 * @returns {Promise<string>}
 */
export async function signIn(base, email, password) {
  const jar = new Map();
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfResponse.json();
  const cookies = cookieHeader(csrfResponse, jar);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  const header = cookieHeader(response, jar);
  if (!header.includes('session-token')) throw new Error(`sign-in failed for ${email}`);
  return header;
}
