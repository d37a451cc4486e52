import { downloadClientJson, healthJson, statusJson } from '../arr-common/arr-json.js';
import { commandByIdRoute, commandRoute } from '../arr-common/arr-routes.js';
import { json, message, type ArrRoute } from '../arr-common/arr-server.js';
import type { ArrState, ProviderSeed } from '../arr-common/arr-state.js';
import type { EmuReply } from '../arr-common/http-emulator.js';
import {
  applicationJson,
  prowlarrIndexerJson,
  releaseJson,
  type ApplicationSeed,
  type ReleaseSeed,
} from './prowlarr-json.js';

/** Prowlarr-only state next to the shared Servarr state. */
export interface ProwlarrExtra {
  readonly applications: ApplicationSeed[];
  readonly releases: ReleaseSeed[];
  /** Indexer id → error message a search through it answers (400 `{message}`). */
  readonly failingSearch: Map<number, string>;
  readonly failingApplicationTests: Map<number, string>;
}

const failures = (text: string) => [
  { propertyName: '', errorMessage: text, severity: 'error', errorCode: 'ProviderTest', isWarning: false },
];

function testProvider(list: readonly { id: number }[], failing: ReadonlyMap<number, string>, body: unknown): EmuReply {
  const id = (body as { id?: unknown } | undefined)?.id;
  const failure = list.some((x) => x.id === id) ? failing.get(id as number) : 'Provider not found';
  return failure === undefined ? json({}) : { status: 400, body: failures(failure) };
}

function testAll(list: readonly { id: number }[], failing: ReadonlyMap<number, string>): EmuReply {
  const results = list.map((x) => ({
    id: x.id,
    isValid: !failing.has(x.id),
    validationFailures: failing.has(x.id) ? failures(failing.get(x.id) ?? '') : [],
  }));
  return json(results, results.every((r) => r.isValid) ? 200 : 400);
}

/** `GET /search`: every word of `query` must be in the title (case-insensitive); a failing indexer → 400. */
function search(state: ArrState, extra: ProwlarrExtra, url: URL): EmuReply {
  const words = (url.searchParams.get('query') ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const only = url.searchParams
    .getAll('indexerIds')
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '')
    .map(Number);
  const categories = url.searchParams
    .getAll('categories')
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '')
    .map(Number);
  const indexers = state.indexers.filter((i) => i.enable && (only.length === 0 || only.includes(i.id)));
  const broken = indexers.find((i) => extra.failingSearch.has(i.id));
  if (broken !== undefined) return message(400, extra.failingSearch.get(broken.id) ?? 'Indexer failed');
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const hits = extra.releases
    .filter((r) => indexers.some((i) => i.id === r.indexerId))
    .filter((r) => words.every((w) => r.title.toLowerCase().includes(w)))
    .filter(
      (r) =>
        categories.length === 0 ||
        r.categories.some((c) => categories.includes(c) || categories.includes(Math.floor(c / 1000) * 1000)),
    );
  return json(
    hits.slice(0, limit).map((r, n) => releaseJson(r, indexers.find((i) => i.id === r.indexerId)?.name ?? '', n + 1)),
  );
}

/** Prowlarr `/api/v1` routes the bot uses. */
export function prowlarrRoutes(extra: ProwlarrExtra): ArrRoute[] {
  return [
    { method: 'GET', template: '/system/status', handle: ({ state }) => json(statusJson(state)) },
    { method: 'GET', template: '/health', handle: ({ state }) => json(healthJson(state.health)) },
    { method: 'GET', template: '/indexer', handle: ({ state }) => json(state.indexers.map(prowlarrIndexerJson)) },
    {
      method: 'POST',
      template: '/indexer/test',
      handle: ({ state, req }) => testProvider(state.indexers, state.failingIndexerTests, req.body),
    },
    {
      method: 'POST',
      template: '/indexer/testall',
      handle: ({ state }) =>
        testAll(
          state.indexers.filter((i) => i.enable),
          state.failingIndexerTests,
        ),
    },
    { method: 'GET', template: '/applications', handle: () => json(extra.applications.map(applicationJson)) },
    {
      method: 'POST',
      template: '/applications/test',
      handle: ({ req }) => testProvider(extra.applications, extra.failingApplicationTests, req.body),
    },
    {
      method: 'POST',
      template: '/applications/testall',
      handle: () => testAll(extra.applications, extra.failingApplicationTests),
    },
    {
      method: 'GET',
      template: '/downloadclient',
      handle: ({ state }) => json(state.downloadClients.map((c: ProviderSeed) => downloadClientJson(c))),
    },
    { method: 'GET', template: '/search', handle: ({ state, req }) => search(state, extra, req.url) },
    commandRoute(['ApplicationIndexerSync', 'CheckHealth'], () => Promise.resolve('Completed')),
    commandByIdRoute,
  ];
}
