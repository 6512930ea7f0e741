// Several production instances on one PostgreSQL behind nginx, as "Running in
// production" describes: the same DATABASE_URL, AUTH_SECRET, public address and shared
// media folder on each. For the scale-out test and the soak benchmark.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.mjs';
import { startNginx } from './nginx.mjs';
import { startProductionServer } from './production-server.mjs';

/**
 * @param {{ work: string, databaseUrl: string, instances: number, env?: Record<string, string> }} options
 */
export async function startCluster({ work, databaseUrl, instances, env = {} }) {
  const nginxPort = await freePort();
  const publicBase = `http://127.0.0.1:${nginxPort}`;
  const ports = [];
  for (let i = 0; i < instances; i++) ports.push(await freePort());
  const media = path.join(work, 'media');
  fs.mkdirSync(media, { recursive: true });
  const shared = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    WIREDESK_MEDIA_DIR: media,
    WIREDESK_DEMO: '0',
    ...env,
  };
  const instanceEnv = (i) => ({ ...shared, WIREDESK_DATA_DIR: path.join(work, `instance-${i + 1}`) });
  const logOf = (i) => path.join(work, `instance-${i + 1}.log`);
  const start = (i) =>
    startProductionServer({ env: instanceEnv(i), port: ports[i], log: logOf(i), baseUrl: publicBase });

  // All at once, as a deploy would: migrations run once under their lock.
  const servers = await Promise.all(ports.map((_, i) => start(i)));
  const nginx = await startNginx({ work, port: nginxPort, instances: ports.map((port) => `127.0.0.1:${port}`) });
  return {
    publicBase,
    media,
    env: shared,
    servers,
    logOf,
    nginx,
    /** Starts instance `i` again (after a kill or stop) on its port. */
    async restart(i) {
      servers[i] = await start(i);
      return servers[i];
    },
    async stop() {
      await nginx.stop();
      await Promise.all(servers.map((server) => server.stop('SIGTERM')));
    },
  };
}
