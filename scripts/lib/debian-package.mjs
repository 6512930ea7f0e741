// Installing what a test or benchmark needs from Debian's own archive (the only source the
// project's machines may use besides npm), when it runs as root on Debian.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Installs Debian package `name` with apt-get, saying why (`purpose`); returns whether it
 * was installed. Not root or not Debian: false, and the caller says what is missing.
 * `noServiceStart`: a package that would start a system service (nginx on port 80) is
 * kept from doing so by a policy-rc.d that says "no" (the usual one in containers),
 * removed afterwards.
 * @param {string} name
 * @param {string} purpose
 * @param {{ noServiceStart?: boolean }} [options]
 * @returns {boolean}
 */
export function installDebianPackage(name, purpose, { noServiceStart = false } = {}) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/etc/debian_version')) return false;
  console.log(`Wiredesk: installing ${name} ${purpose} (apt-get install ${name})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = noServiceStart && !fs.existsSync(policy);
  if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status !== 0) return false;
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', name], {
      stdio: 'inherit',
      env,
    });
    return install.status === 0;
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
}
