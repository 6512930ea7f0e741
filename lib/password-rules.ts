// Plain data, safe for client components: the forms show the same rule lib/users.ts enforces.

/** The shortest password Wiredesk accepts. */
export const PASSWORD_MIN_LENGTH = 8;
