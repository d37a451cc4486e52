import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchGitHub, type Routed } from './github-dispatch.js';
import { hasGitCredentials, isGitRoute, serveGit } from './github-http-backend.js';
import { createGitHubJson, type PullFacts } from './github-json.js';
import { createBareRepo, type BareRepo } from './github-repo.js';
import type { RouteContext } from './github-route-types.js';
import { createGitHubState, type GitHubState, type StoredPull } from './github-state.js';
import { createGitHubChecker, loadGitHubSpec } from './github-validate.js';

/** One logged API exchange. */
export interface LoggedCall {
  readonly method: string;
  readonly path: string;
  readonly template?: string | undefined;
  readonly status: number;
  readonly body: unknown;
}

export interface GitHubEmulatorOptions {
  readonly owner?: string;
  readonly repo?: string;
  readonly token?: string;
  /** Files of the initial commit on `main`. */
  readonly files?: Readonly<Record<string, string>>;
}

/** A running emulator plus its control API (see README.md). */
export interface GitHubEmulator {
  /** API base URL (Octokit `baseUrl`). */
  readonly url: string;
  /** Smart-HTTP clone URL (no credentials; git needs `Basic x-access-token:<token>`). */
  readonly cloneUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly bare: BareRepo;
  readonly state: GitHubState;
  readonly log: readonly LoggedCall[];
  /** Responses that broke the OpenAPI schema (they were answered with 500 instead). */
  readonly violations: readonly string[];
  /** `METHOD template status` replies the operation does not document (checked against basic-error). */
  readonly undocumented: readonly string[];
  pull(number: number): StoredPull | undefined;
  /** The next `count` matching API calls get a rate-limit answer (`route` = `PUT /repos/{owner}/…`). */
  rateLimitNext(input: { kind: 'primary' | 'secondary'; waitSeconds?: number; count?: number; route?: string }): void;
  /** The next `count` matching API calls get a 5xx. */
  failNext(input?: { status?: number; count?: number; route?: string }): void;
  /** Closes pull `number` without merging (as a person on the web UI would). */
  closePull(number: number): void;
  /** The next `times` reads of pull `number` report `mergeable: null`. */
  mergeableNull(number: number, times: number): void;
  close(): Promise<void>;
}

const hasToken = (req: IncomingMessage, token: string) =>
  (req.headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '') === token;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Starts the emulator on 127.0.0.1 and a free port, backed by a fresh bare repository. */
export async function startGitHubEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'homelab-apps';
  const token = options.token ?? 'ghp_emulatorToken0123456789abcdef';
  const root = await mkdtemp(join(tmpdir(), 'hlb-github-'));
  const bare = await createBareRepo(root, owner, repo, options.files ?? { 'README.md': '# apps\n' });
  const state = createGitHubState(owner, repo);
  const spec = loadGitHubSpec();
  const check = createGitHubChecker(spec);
  const log: LoggedCall[] = [];
  const violations: string[] = [];
  const undocumented: string[] = [];
  const sockets = new Set<Socket>();
  let serial: Promise<unknown> = Promise.resolve();

  const facts = async (pull: StoredPull): Promise<PullFacts> => {
    const headSha = pull.frozenHeadSha ?? (await bare.branchSha(pull.head)) ?? '0'.repeat(40);
    const baseSha = pull.frozenBaseSha ?? (await bare.branchSha(pull.base)) ?? '0'.repeat(40);
    if (pull.state !== 'open') return { headSha, baseSha, mergeable: null };
    const pair = `${headSha}..${baseSha}`;
    if (pull.nullReads > 0) {
      pull.nullReads -= 1;
      return { headSha, baseSha, mergeable: null };
    }
    const fresh = pull.mergeableFor !== pair;
    pull.mergeableFor = pair;
    if (fresh && state.lazyMergeable) return { headSha, baseSha, mergeable: null };
    return { headSha, baseSha, mergeable: await bare.mergesCleanly(baseSha, headSha) };
  };

  const send = (res: ServerResponse, routed: Routed, method: string, path: string, body: unknown) => {
    let { status, body: out } = routed.reply;
    if (routed.template !== undefined) {
      const verdict = check(method, routed.template, status, out);
      if (verdict.undocumented) undocumented.push(`${method} ${routed.template} ${status}`);
      if (verdict.violations.length > 0) {
        violations.push(...verdict.violations);
        status = 500;
        out = { message: `emulator contract violation: ${verdict.violations.join('; ')}` };
      }
    }
    log.push({ method, path, template: routed.template, status, body });
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `EMU:${log.length}`,
      ...routed.reply.headers,
    });
    res.end(out === undefined ? '' : JSON.stringify(out));
  };

  const started: { ctx?: RouteContext } = {};
  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => {
    const method = req.method ?? 'GET';
    const body = await readBody(req).catch(() => undefined);
    const ctx = started.ctx;
    if (ctx === undefined) throw new Error('emulator not started');
    if (!hasToken(req, token)) {
      send(res, { reply: { status: 401, body: ctx.json.error('Bad credentials') } }, method, path, body);
      return;
    }
    const routeCtx = ctx;
    const work = serial.then(() => dispatchGitHub(routeCtx, method, path, query, body));
    serial = work.catch(() => undefined);
    const routed = await work.catch((e: unknown) => ({
      reply: { status: 500, body: routeCtx.json.error(`emulator error: ${String(e)}`) },
    }));
    send(res, routed, method, path, body);
  };

  const server = createServer((req, res) => {
    const [path = '/', search = ''] = (req.url ?? '/').split('?');
    if (isGitRoute(path)) {
      if (!hasGitCredentials(req, token)) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' });
        res.end();
        return;
      }
      void serveGit(root, path, req, res);
      return;
    }
    void handleApi(req, res, path, new URLSearchParams(search));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  started.ctx = {
    state,
    repo: bare,
    json: createGitHubJson(spec, state, url),
    now: () => new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    facts,
  };

  return {
    url,
    cloneUrl: `${url}/${owner}/${repo}.git`,
    owner,
    repo,
    token,
    bare,
    state,
    log,
    violations,
    undocumented,
    pull: (n) => state.pulls.get(n),
    rateLimitNext: ({ kind, waitSeconds = 1, count = 1, route }) => {
      state.faults.push({
        kind: kind === 'primary' ? 'primary-rate-limit' : 'secondary-rate-limit',
        status: kind === 'primary' ? 403 : 429,
        waitSeconds,
        remaining: count,
        route,
      });
    },
    failNext: ({ status = 502, count = 1, route } = {}) => {
      state.faults.push({ kind: 'server-error', status, waitSeconds: 0, remaining: count, route });
    },
    closePull: (n) => {
      const p = state.pulls.get(n);
      if (p !== undefined) Object.assign(p, { state: 'closed', updatedAt: new Date().toISOString() });
    },
    mergeableNull: (n, times) => {
      const p = state.pulls.get(n);
      if (p !== undefined) p.nullReads += times;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await rm(root, { recursive: true, force: true });
    },
  };
}
