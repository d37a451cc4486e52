import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback-listener.js';
import { KUBE_RESOURCES, groupVersion, type KubeResource } from './kube-resources.js';
import { schemaErrors } from './kube-schemas.js';
import { matchesFields, matchesLabels } from './kube-selectors.js';

type Obj = Record<string, unknown>;

/** A running emulated API server. */
export interface KubeEmulator {
  readonly url: string;
  /** Every reply that broke the Kubernetes OpenAPI schemas (should stay empty). */
  readonly schemaViolations: string[];
  /** `METHOD path?query` of every request, in order. */
  readonly requests: string[];
  /** Replaces the served objects. */
  setObjects(objects: readonly Obj[]): void;
  /** A kubeconfig (YAML text) pointing at the emulator, context `emulated`. */
  kubeconfig(): string;
  close(): Promise<void>;
}

const meta = (o: Obj): { name?: string; namespace?: string } => o['metadata'] ?? {};

function send(res: ServerResponse, status: number, body: Obj, violations: string[]): void {
  violations.push(...schemaErrors(body).map((e) => `reply ${status}: ${e}`));
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const status = (code: number, reason: string, message: string): Obj => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

function discovery(path: string, url: string): Obj | undefined {
  if (path === '/api')
    return {
      kind: 'APIVersions',
      apiVersion: 'v1',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: url.replace(/^http:\/\//, '') }],
    };
  if (path === '/apis') {
    const groups = [...new Set(KUBE_RESOURCES.filter((r) => r.group !== '').map((r) => r.group))].map((name) => {
      const versions = [...new Set(KUBE_RESOURCES.filter((r) => r.group === name).map((r) => r.version))].map(
        (version) => ({ groupVersion: `${name}/${version}`, version }),
      );
      return { name, versions, preferredVersion: versions[0] };
    });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  const gv = path === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/[^/]+)$/.exec(path)?.[1];
  if (gv === undefined) return undefined;
  const resources = KUBE_RESOURCES.filter((r) => groupVersion(r) === gv).map((r) => ({
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: ['get', 'list'],
    ...(r.shortNames === undefined ? {} : { shortNames: [...r.shortNames] }),
  }));
  return resources.length === 0
    ? undefined
    : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
}

interface Route {
  readonly resource: KubeResource;
  readonly namespace?: string;
  readonly name?: string;
}

/** `/api/v1[/namespaces/ns]/plural[/name]` or `/apis/group/version[/namespaces/ns]/plural[/name]`. */
function route(path: string): Route | undefined {
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (m === null) return undefined;
  const gv = m[1] ?? `${m[2] ?? ''}/${m[3] ?? ''}`;
  const resource = KUBE_RESOURCES.find((r) => groupVersion(r) === gv && r.plural === m[5]);
  if (resource === undefined) return undefined;
  return {
    resource,
    ...(m[4] === undefined ? {} : { namespace: decodeURIComponent(m[4]) }),
    ...(m[6] === undefined ? {} : { name: decodeURIComponent(m[6]) }),
  };
}

/**
 * A read-only Kubernetes API server over real HTTP: discovery (`/api`, `/apis`, resource lists),
 * list (cluster-wide or per namespace, label and field selectors) and get, with `Status` errors.
 * Every reply is validated against the Kubernetes OpenAPI schemas; violations are collected.
 */
export async function startKubeEmulator(initial: readonly Obj[] = []): Promise<KubeEmulator> {
  let objects: readonly Obj[] = initial;
  const schemaViolations: string[] = [];
  const requests: string[] = [];
  let base = '';
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    requests.push(`${req.method ?? 'GET'} ${url.pathname}${url.search}`);
    if (req.method !== 'GET') {
      send(res, 405, status(405, 'MethodNotAllowed', 'the emulated cluster is read-only'), schemaViolations);
      return;
    }
    const doc = discovery(url.pathname, base);
    if (doc !== undefined) {
      send(res, 200, doc, schemaViolations);
      return;
    }
    const r = route(url.pathname);
    if (r === undefined) {
      send(
        res,
        404,
        status(404, 'NotFound', `the server could not find the requested resource (${url.pathname})`),
        schemaViolations,
      );
      return;
    }
    const gv = groupVersion(r.resource);
    const mine = objects.filter(
      (o) =>
        o['apiVersion'] === gv &&
        o['kind'] === r.resource.kind &&
        (r.namespace === undefined || meta(o).namespace === r.namespace),
    );
    if (r.name !== undefined) {
      const found = mine.find((o) => meta(o).name === r.name);
      if (found === undefined)
        send(res, 404, status(404, 'NotFound', `${r.resource.plural} "${r.name}" not found`), schemaViolations);
      else send(res, 200, found, schemaViolations);
      return;
    }
    const items = mine.filter(
      (o) =>
        matchesLabels(o, url.searchParams.get('labelSelector')) &&
        matchesFields(o, url.searchParams.get('fieldSelector')),
    );
    for (const item of items) schemaViolations.push(...schemaErrors(item).map((e) => `item of ${url.pathname}: ${e}`));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ kind: `${r.resource.kind}List`, apiVersion: gv, metadata: { resourceVersion: '1' }, items }),
    );
  };
  const listener = await listenOnLoopback(createServer(handle));
  base = listener.url;
  return {
    url: listener.url,
    schemaViolations,
    requests,
    setObjects: (next) => {
      objects = next;
    },
    kubeconfig: () =>
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: emulated',
        // client-node refuses plain HTTP unless TLS verification is off (there is no TLS to verify).
        'clusters:',
        '- name: emulated',
        '  cluster:',
        `    server: ${listener.url}`,
        '    insecure-skip-tls-verify: true',
        'users:',
        '- name: reader',
        '  user:',
        '    token: emulator-token',
        'contexts:',
        '- name: emulated',
        '  context:',
        '    cluster: emulated',
        '    user: reader',
        '',
      ].join('\n'),
    close: () => listener.close(),
  };
}
