import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { HostConfig } from '../config/host-schema.js';
import { UserError } from '../errors.js';
import { entriesFor, knownHostsName, parseKnownHosts } from '../infra/known-hosts.js';
import { defineCliCommand, type CliCommand, type CliContext } from './cli-command.js';
import { exitCodes, type ExitCode } from './exit-codes.js';

function findHost(hosts: readonly HostConfig[], wanted: string): HostConfig {
  const host = hosts.find((h) => h.name === wanted) ?? hosts.find((h) => h.ssh.host === wanted);
  if (host !== undefined) return host;
  const names = hosts.map((h) => h.name).join(', ') || 'none configured';
  throw new UserError(
    'unknown-host',
    `No host "${wanted}" in the config. Accepted: a hosts[].name (${names}) or its ssh.host.`,
  );
}

async function readKnownHosts(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new UserError('known-hosts-unreadable', `Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** `hosts trust <host>`: fetch the key, show its fingerprint, record it for exactly the configured name and port. */
async function trustHost(ctx: CliContext): Promise<ExitCode> {
  const config = await loadConfig({ ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }), env: ctx.env });
  const wanted = ctx.positionals[0];
  if (wanted === undefined)
    throw new UserError(
      'cli-usage',
      'Usage: homelab-bot hosts trust <host>, where <host> is a hosts[].name from the config.',
    );
  const host = findHost(config.hosts, wanted);
  const { fetchHostKey } = await import('../infra/fetch-host-key.js');
  const key = await fetchHostKey(host.ssh.host, host.ssh.port, config.timeouts.ms.sshHandshake);
  const name = knownHostsName(host.ssh.host, host.ssh.port);
  const say = (text: string): void => {
    ctx.stdout.write(`${text}\n`);
  };
  say(`${name} presented ${key.type} ${key.fingerprint}`);
  say(
    `Compare it with the key on the host itself: ssh-keygen -lf /etc/ssh/ssh_host_${key.type.replace(/^ssh-/, '').replace(/^ecdsa-sha2-nistp\d+$/, 'ecdsa')}_key.pub`,
  );
  const expected = ctx.values['fingerprint'];
  if (typeof expected === 'string' && expected !== key.fingerprint) {
    throw new UserError(
      'host-key-mismatch',
      `${name} presented ${key.fingerprint}, not the expected ${expected}: nothing written. The connection may be intercepted, or the expected value is wrong.`,
    );
  }
  const file = typeof ctx.values['known-hosts'] === 'string' ? ctx.values['known-hosts'] : host.ssh.knownHostsPath;
  if (file === undefined) {
    say(
      `hosts[].ssh.knownHostsPath is not set for ${host.name}: put this in its ssh section instead:\n  hostKeyFingerprint: "${key.fingerprint}"`,
    );
    return exitCodes.ok;
  }
  const recorded = entriesFor(parseKnownHosts(await readKnownHosts(file)), host.ssh.host, host.ssh.port);
  const same = recorded.filter((e) => e.keyType === key.type && e.key.equals(Buffer.from(key.base64, 'base64')));
  if (same.length > 0) {
    say(`${file} already trusts this key for ${name}; nothing to do.`);
    return exitCodes.ok;
  }
  if (recorded.length > 0) {
    throw new UserError(
      'host-key-mismatch',
      `${file} already has a different key for ${name}. If the host was reinstalled, check the new key on the host, remove the old line (ssh-keygen -R '${name}' -f ${file}) and run this again.`,
    );
  }
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${name} ${key.type} ${key.base64}\n`, { mode: 0o644 });
  say(`Added ${name} to ${file}.`);
  return exitCodes.ok;
}

export const hostsCommands: readonly CliCommand[] = [
  defineCliCommand({
    path: ['hosts', 'trust'],
    summary:
      "connect once to a configured host, print its SSH host key fingerprint and add it to the host's known_hosts file",
    details:
      'The known_hosts line is written for exactly the ssh.host and ssh.port the config connects to ([host]:port when not 22).',
    positionals: ['host'],
    options: {
      fingerprint: {
        type: 'string',
        valueName: 'SHA256:…',
        description: 'write only if the presented key has this fingerprint',
      },
      'known-hosts': {
        type: 'string',
        valueName: 'file',
        description: "write this file instead of the host's ssh.knownHostsPath (e.g. a writable mount in Docker)",
      },
    },
    run: trustHost,
  }),
];
