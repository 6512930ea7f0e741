// Plain data, safe for client components (db/schema is not: it pulls in drizzle).

export const ROLES = ['reporter', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { reporter: 'Reporter', editor: 'Editor', admin: 'Admin' };
