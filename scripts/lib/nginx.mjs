// nginx for the scale-out test and the soak benchmark: Debian's package (installed here
// when missing, as root on Debian), run as a throw-away instance on a free loopback port
// with the shipped configuration (deploy/nginx/wiredesk.conf) pointed at our instances.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build.mjs';
import { installDebianPackage } from './debian-package.mjs';

const NGINX = '/usr/sbin/nginx';
export const NGINX_CONFIG = path.join(ROOT, 'deploy', 'nginx', 'wiredesk.conf');

/** The nginx executable; installs Debian's package if there is none (root on Debian), else exits with one line. */
export function ensureNginx() {
  if (fs.existsSync(NGINX)) return NGINX;
  // The package would start a system nginx on port 80.
  if (installDebianPackage('nginx', 'for the scale-out run', { noServiceStart: true }) && fs.existsSync(NGINX)) {
    return NGINX;
  }
  console.error('Wiredesk: the scale-out run needs nginx (Debian: apt-get install nginx).');
  process.exit(1);
}

/**
 * The shipped site configuration with the instances and port of this run: the lines
 * marked `# instance` become one `server` line per instance (parameters kept), the
 * `# public` listen line listens on loopback at `port`, the `# log` line logs under this
 * run's folder. Everything else (timeouts, headers, keep-alive, body size) is what ships.
 * @param {{ port: number, instances: string[], accessLog: string }} options
 */
export function renderSiteConfig({ port, instances, accessLog }) {
  const lines = fs.readFileSync(NGINX_CONFIG, 'utf8').split('\n');
  const marked = (marker) => lines.findIndex((line) => new RegExp(`#\\s*${marker}\\s*$`).test(line));
  const firstInstance = marked('instance');
  if (firstInstance === -1 || marked('public') === -1 || marked('log') === -1) {
    throw new Error(`${NGINX_CONFIG} lost one of its "# instance", "# public" or "# log" markers`);
  }
  const rendered = [];
  for (const [i, line] of lines.entries()) {
    if (/#\s*instance\s*$/.test(line)) {
      // The first instance line, with its parameters, once per instance of this run.
      if (i === firstInstance) {
        for (const instance of instances) rendered.push(line.replace(/server\s+\S+/, `server ${instance}`));
      }
    } else if (/#\s*public\s*$/.test(line)) {
      rendered.push(line.replace(/listen\s+[^;]+;/, `listen 127.0.0.1:${port};`));
    } else if (/#\s*log\s*$/.test(line)) {
      rendered.push(line.replace(/access_log\s+\S+/, `access_log ${accessLog}`));
    } else {
      rendered.push(line);
    }
  }
  return rendered.join('\n');
}

/**
 * Runs nginx in the foreground with its own prefix directory under `work`.
 * @param {{ work: string, port: number, instances: string[] }} options
 */
export async function startNginx({ work, port, instances }) {
  const nginx = ensureNginx();
  const prefix = path.join(work, 'nginx');
  for (const dir of ['logs', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) {
    fs.mkdirSync(path.join(prefix, dir), { recursive: true });
  }
  // Worker processes may run as another user: they write request bodies here.
  for (const dir of ['temp', 'temp/body', 'temp/proxy']) fs.chmodSync(path.join(prefix, dir), 0o777);
  const accessLog = path.join(prefix, 'logs', 'access.log');
  fs.writeFileSync(path.join(prefix, 'wiredesk.conf'), renderSiteConfig({ port, instances, accessLog }));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      ...(isRoot ? ['user nobody nogroup;'] : []),
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      `  client_body_temp_path ${prefix}/temp/body;`,
      `  proxy_temp_path ${prefix}/temp/proxy;`,
      `  fastcgi_temp_path ${prefix}/temp/fastcgi;`,
      `  uwsgi_temp_path ${prefix}/temp/uwsgi;`,
      `  scgi_temp_path ${prefix}/temp/scgi;`,
      `  include ${prefix}/wiredesk.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync(nginx, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
  const child = spawn(nginx, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', fs.openSync(path.join(prefix, 'logs', 'stderr.log'), 'a')],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited; see ${prefix}/logs/error.log`);
    try {
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    base,
    accessLog,
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
