import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The suite prepares its data through lib/ in this process, then hands the directory to
// the production server (never both at once: the data directory has a pid lock).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-routes-'));
process.env.WIREDESK_DATA_DIR = dataDir;
process.env.DATABASE_URL = '';
process.env.WIREDESK_ROUTES_DATA_DIR = dataDir;
