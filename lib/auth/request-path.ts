/** Set by proxy.ts on desk requests: layouts cannot otherwise see the URL to come back to after sign-in. */
export const REQUEST_PATH_HEADER = 'x-wiredesk-path';
