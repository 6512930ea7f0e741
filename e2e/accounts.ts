import type { Role } from '@/lib/roles';

export const DEMO_PASSWORD = process.env.WIREDESK_DEMO_PASSWORD || 'wiredesk-demo';

export const DEMO_ACCOUNTS: Record<Role, { email: string; name: string; label: string }> = {
  reporter: { email: 'reporter@wiredesk.test', name: 'Riya Kapoor', label: 'Reporter' },
  editor: { email: 'editor@wiredesk.test', name: 'Elena Marsh', label: 'Editor' },
  admin: { email: 'admin@wiredesk.test', name: 'Adam Okafor', label: 'Admin' },
};

/** Accounts one spec uses alone, so what it does (locking one out) touches no other spec. */
export const E2E_ACCOUNTS = {
  lockout: { email: 'lockout@wiredesk.test', name: 'Lou Lockout', role: 'reporter', password: 'lockout-password' },
} as const satisfies Record<string, { email: string; name: string; role: Role; password: string }>;
