// Arranges the e2e database before the server starts (the server then owns it):
// the same seed a newcomer gets, plus accounts individual specs need to themselves.
import { closeDb, getDb } from '@/db/client';
import { createStaff } from '@/db/factories';
import { seedDatabase, seedDemoWire } from '@/db/seed';
import { getConfig } from '@/lib/config';
import { E2E_ACCOUNTS } from './accounts';

const config = getConfig();
const seeded = await seedDatabase(await getDb(), { demo: true, demoPassword: config.demoPassword });
if (seeded.status !== 'seeded') throw new Error(`e2e expects an empty data directory, found ${config.dataDir} in use`);
for (const account of Object.values(E2E_ACCOUNTS)) await createStaff(account);
await seedDemoWire();
await closeDb();
