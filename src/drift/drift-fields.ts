import type { DriftKind, Severity } from './drift-item.js';

/** One severity row of a field: the first row whose `when` (on the path) and kinds match wins. */
export interface FieldSeverity {
  readonly when?: RegExp;
  /** `when` as documented. */
  readonly shownWhen?: string;
  readonly kinds?: readonly DriftKind[];
  readonly severity: Severity;
  readonly why: string;
}

/**
 * How remediation writes a field back to the compose file: the edit kind `field-edit.ts` builds,
 * or `manual` with the reason a human must do it (the table says so; nothing is silently unwritable).
 */
export type WriteBack =
  | {
      readonly kind:
        | 'entry'
        | 'scalar'
        | 'image'
        | 'args'
        | 'port'
        | 'volume'
        | 'healthcheck'
        | 'list'
        | 'device'
        | 'map'
        | 'ulimit'
        | 'logging';
      readonly how: string;
    }
  | { readonly kind: 'manual'; readonly why: string };

/** One compared field: declared once, with how it is read on both sides, judged and written back. */
export interface DriftField {
  /** The field's paths in the flattened model (`flatten.ts`). */
  readonly path: RegExp;
  /** The path as documented (`environment.<KEY>`). */
  readonly shown: string;
  /** The compose key it comes from. */
  readonly compose: string;
  /** Where `docker inspect` holds the running value. */
  readonly inspect: string;
  readonly severity: readonly FieldSeverity[];
  readonly writeBack: WriteBack;
}

const ROUTING_LABEL = /^labels\.(traefik\.|caddy|homepage\.|com\.centurylinklabs\.watchtower\.)/;
const FUNCTIONAL: readonly FieldSeverity[] = [{ severity: 'functional', why: 'runs, but behaves differently' }];
const BREAKING_PROCESS: readonly FieldSeverity[] = [{ severity: 'breaking', why: 'process runs differently' }];
const BREAKING_WIRING: readonly FieldSeverity[] = [{ severity: 'breaking', why: 'unreachable or wrong data location' }];
const MISSING_PRIVILEGE: FieldSeverity = {
  kinds: ['removed'],
  severity: 'breaking',
  why: 'missing privilege (e.g. NET_ADMIN, /dev/net/tun)',
};

/** Item kinds that are not about one field (whole containers and stacks); remediation cannot write them. */
export const ITEM_KINDS: readonly {
  readonly kinds: readonly DriftKind[];
  readonly shown: string;
  readonly severity: Severity;
  readonly why: string;
  readonly writeBack: string;
}[] = [
  {
    kinds: ['missing-container', 'unparseable'],
    shown: '`missing-container`, `unparseable`',
    severity: 'breaking',
    why: 'service not running / stack cannot be deployed',
    writeBack: 'start the service on its host / fix the YAML',
  },
  {
    kinds: ['unmanaged-container'],
    shown: '`unmanaged-container` (orphan of a managed project, or no stack at all)',
    severity: 'functional',
    why: 'runs outside git (orphan or hand-made)',
    writeBack: 'adopt it into a stack, or remove it',
  },
  {
    kinds: ['stale-stack'],
    shown: '`stale-stack` (in git, assigned to no configured host)',
    severity: 'cosmetic',
    why: 'declared in git, deployed nowhere',
    writeBack: 'assign it in `stack-targets.yml` or delete it',
  },
  {
    kinds: ['missing-release', 'not-ready'],
    shown:
      '`missing-release` (component folder with no Helm release), `not-ready` (Flux object Ready≠True) (Kubernetes)',
    severity: 'breaking',
    why: 'not installed / not reconciled: the workload may be down or stale',
    writeBack: 'install the release / fix what Flux reports',
  },
  {
    kinds: ['unmanaged-release'],
    shown: '`unmanaged-release` (Helm release with no folder in git) (Kubernetes)',
    severity: 'functional',
    why: 'runs outside git (installed by hand)',
    writeBack: 'add a folder with its values-homelab.yaml, or uninstall it',
  },
  {
    kinds: ['suspended', 'behind-git', 'drift-detected'],
    shown: '`suspended`, `behind-git`, `drift-detected` (Flux)',
    severity: 'functional',
    why: 'the cluster does not follow git',
    writeBack: 'resume / reconcile in Flux: git already holds the desired state',
  },
];

/**
 * Every compared field, once (design §3 and §5). `flatten.ts` produces only these paths (a test
 * checks it), `classify.ts` derives the severity table from it, `field-edit.ts` the write-back,
 * and `SEVERITY.md` is checked against it.
 */
export const DRIFT_FIELDS: readonly DriftField[] = [
  {
    path: /^state$/,
    shown: '`state`',
    compose: '(running)',
    inspect: 'State.Status',
    severity: [{ severity: 'breaking', why: 'container not running' }],
    writeBack: {
      kind: 'manual',
      why: 'the container is stopped on the host; start it there, git already says it runs',
    },
  },
  {
    path: /^config_files$/,
    shown: '`config_files`',
    compose: '`-f` files',
    inspect: 'Labels[com.docker.compose.project.config_files]',
    severity: [{ severity: 'breaking', why: 'deployed without (or with another) endpoint override' }],
    writeBack: { kind: 'manual', why: 'redeploy with the right `-f` files; git is not what differs' },
  },
  {
    path: /^image\.repo$/,
    shown: '`image.repo`',
    compose: 'image',
    inspect: 'Config.Image',
    severity: [{ severity: 'breaking', why: 'different software' }],
    writeBack: { kind: 'image', how: 'the repository part of `image:`' },
  },
  {
    path: /^image\.(tag|digest)$/,
    shown: '`image.tag`, `image.digest`',
    compose: 'image',
    inspect: 'Config.Image',
    severity: [{ severity: 'functional', why: 'other version of the same image' }],
    writeBack: { kind: 'image', how: 'the tag / digest part of `image:`' },
  },
  {
    path: /^environment\./,
    shown: '`environment.<KEY>`',
    compose: 'environment',
    inspect: 'Config.Env',
    severity: [
      { kinds: ['removed'], severity: 'breaking', why: 'a variable the service needs is gone' },
      { severity: 'functional', why: 'behaves differently' },
    ],
    writeBack: { kind: 'entry', how: "the entry, in the block's list or map form; secrets as `${VAR}`" },
  },
  {
    path: /^labels\./,
    shown: '`labels.<KEY>`',
    compose: 'labels',
    inspect: 'Config.Labels',
    severity: [
      {
        when: ROUTING_LABEL,
        shownWhen: '`traefik.*`, `caddy*`, `homepage.*`, `com.centurylinklabs.watchtower.*`',
        severity: 'functional',
        why: 'routing / automation label',
      },
      { severity: 'cosmetic', why: 'descriptive label' },
    ],
    writeBack: { kind: 'entry', how: "the entry, in the block's list or map form; secrets as `${VAR}`" },
  },
  {
    path: /^ports\[/,
    shown: '`ports[<target>/<proto>]`',
    compose: 'ports',
    inspect: 'HostConfig.PortBindings',
    severity: BREAKING_WIRING,
    writeBack: { kind: 'port', how: 'the entries publishing that container port' },
  },
  {
    path: /^volumes\[/,
    shown: '`volumes[<target>]`',
    compose: 'volumes',
    inspect: 'HostConfig.Binds, HostConfig.Mounts, Mounts',
    severity: BREAKING_WIRING,
    writeBack: { kind: 'volume', how: 'the entry mounted at that target' },
  },
  {
    path: /^networks\[/,
    shown: '`networks[<name>]`',
    compose: 'networks',
    inspect: 'NetworkSettings.Networks',
    severity: BREAKING_WIRING,
    writeBack: { kind: 'manual', why: 'network membership also needs the network declared; edit it by hand' },
  },
  {
    path: /^network_mode$/,
    shown: '`network_mode`',
    compose: 'network_mode',
    inspect: 'HostConfig.NetworkMode',
    severity: BREAKING_WIRING,
    writeBack: { kind: 'scalar', how: '`network_mode:`' },
  },
  {
    path: /^(command|entrypoint)$/,
    shown: '`command`, `entrypoint`',
    compose: 'command, entrypoint',
    inspect: 'Config.Cmd, Config.Entrypoint',
    severity: BREAKING_PROCESS,
    writeBack: { kind: 'args', how: 'a flow list' },
  },
  {
    path: /^(user|privileged)$/,
    shown: '`user`, `privileged`',
    compose: 'user, privileged',
    inspect: 'Config.User, HostConfig.Privileged',
    severity: BREAKING_PROCESS,
    writeBack: { kind: 'scalar', how: 'the scalar' },
  },
  {
    path: /^cap_add\[/,
    shown: '`cap_add[<CAP>]`',
    compose: 'cap_add',
    inspect: 'HostConfig.CapAdd',
    severity: [MISSING_PRIVILEGE, ...FUNCTIONAL],
    writeBack: { kind: 'list', how: 'the entry added to or removed from the list (`CAP_` prefix and case ignored)' },
  },
  {
    path: /^devices\[/,
    shown: '`devices[<path>]`',
    compose: 'devices',
    inspect: 'HostConfig.Devices',
    severity: [MISSING_PRIVILEGE, ...FUNCTIONAL],
    writeBack: { kind: 'device', how: 'the entry for that container path, short or long syntax kept' },
  },
  {
    path: /^cap_drop\[/,
    shown: '`cap_drop[<CAP>]`',
    compose: 'cap_drop',
    inspect: 'HostConfig.CapDrop',
    severity: FUNCTIONAL,
    writeBack: { kind: 'list', how: 'the entry added to or removed from the list' },
  },
  {
    path: /^restart$/,
    shown: '`restart`',
    compose: 'restart',
    inspect: 'HostConfig.RestartPolicy',
    severity: FUNCTIONAL,
    writeBack: { kind: 'scalar', how: '`restart:`' },
  },
  {
    path: /^working_dir$/,
    shown: '`working_dir`',
    compose: 'working_dir',
    inspect: 'Config.WorkingDir',
    severity: FUNCTIONAL,
    writeBack: { kind: 'scalar', how: '`working_dir:`' },
  },
  {
    path: /^healthcheck\./,
    shown: '`healthcheck.*`',
    compose: 'healthcheck',
    inspect: 'Config.Healthcheck',
    severity: FUNCTIONAL,
    writeBack: {
      kind: 'healthcheck',
      how: 'the key (test as a flow list or CMD-SHELL string; durations in compose syntax)',
    },
  },
  {
    path: /^tmpfs\[/,
    shown: '`tmpfs[<target>]`',
    compose: 'tmpfs',
    inspect: 'HostConfig.Tmpfs, HostConfig.Mounts',
    severity: FUNCTIONAL,
    writeBack: { kind: 'manual', why: 'edit it by hand' },
  },
  {
    path: /^dns\[/,
    shown: '`dns[<server>]`',
    compose: 'dns',
    inspect: 'HostConfig.Dns',
    severity: FUNCTIONAL,
    writeBack: { kind: 'list', how: 'the server added to or removed from the list' },
  },
  {
    path: /^extra_hosts\[/,
    shown: '`extra_hosts[<host=ip>]`',
    compose: 'extra_hosts',
    inspect: 'HostConfig.ExtraHosts',
    severity: FUNCTIONAL,
    writeBack: { kind: 'list', how: 'the entry, in the separator (`host:ip` / `host=ip`) or map form the file uses' },
  },
  {
    path: /^sysctls\./,
    shown: '`sysctls.<KEY>`',
    compose: 'sysctls',
    inspect: 'HostConfig.Sysctls',
    severity: FUNCTIONAL,
    writeBack: { kind: 'map', how: 'the key, in the list or map form the file uses' },
  },
  {
    path: /^ulimits\./,
    shown: '`ulimits.<NAME>`',
    compose: 'ulimits',
    inspect: 'HostConfig.Ulimits',
    severity: FUNCTIONAL,
    writeBack: { kind: 'ulimit', how: 'a number when soft = hard, else `{soft, hard}`' },
  },
  {
    path: /^logging\./,
    shown: '`logging.driver`, `logging.options.<KEY>` (only when git sets `logging`)',
    compose: 'logging',
    inspect: 'HostConfig.LogConfig',
    severity: FUNCTIONAL,
    writeBack: { kind: 'logging', how: 'the driver or the option' },
  },
];

/** The field a flattened path belongs to. */
export const fieldOf = (path: string): DriftField | undefined => DRIFT_FIELDS.find((f) => f.path.test(path));
