import type { Role } from '@/db/schema';

export const ROLE_LABELS: Record<Role, string> = { reporter: 'Reporter', editor: 'Editor', admin: 'Admin' };
