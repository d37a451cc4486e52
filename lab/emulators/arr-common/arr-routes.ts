import {
  arrIndexerJson,
  commandJson,
  downloadClientJson,
  healthJson,
  historyJson,
  notificationJson,
  pageJson,
  queueJson,
  statusJson,
} from './arr-json.js';
import { json, message, type ArrContext, type ArrRoute } from './arr-server.js';
import { nextId, type ArrState, type CommandRecord, type ProviderSeed } from './arr-state.js';
import type { EmuReply } from './http-emulator.js';

/** Runs a command after the 201 has been sent; returns the final message or throws to fail it. */
export type CommandRunner = (state: ArrState, command: CommandRecord) => Promise<string>;

const ids = (url: URL, name: string): number[] | undefined => {
  const raw = url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '');
  return raw.length === 0 ? undefined : raw.map(Number);
};

/** `/test` on one provider: 400 failure list when a fault is set (or the id is unknown), 200 `{}` otherwise. */
function testOne(providers: readonly ProviderSeed[], failing: ReadonlyMap<number, string>, body: unknown): EmuReply {
  const id = (body as { id?: unknown } | undefined)?.id;
  const known = providers.find((p) => p.id === id);
  const failure = known === undefined ? 'Provider not found' : failing.get(known.id);
  if (failure === undefined) return json({});
  return {
    status: 400,
    body: [{ propertyName: '', errorMessage: failure, severity: 'error', errorCode: 'ProviderTest', isWarning: false }],
  };
}

/** `/testall`: enabled providers only; 400 when any fails. */
function testAll(providers: readonly ProviderSeed[], failing: ReadonlyMap<number, string>): EmuReply {
  const results = providers
    .filter((p) => p.enable)
    .map((p) => {
      const failure = failing.get(p.id);
      return {
        id: p.id,
        isValid: failure === undefined,
        validationFailures:
          failure === undefined
            ? []
            : [{ propertyName: '', errorMessage: failure, severity: 'error', isWarning: false }],
      };
    });
  return json(results, results.every((r) => r.isValid) ? 200 : 400);
}

/** Queues a command and runs it after the current reply, like the real command queue. */
export function enqueueCommand(
  state: ArrState,
  name: string,
  body: Readonly<Record<string, unknown>>,
  run: CommandRunner,
): CommandRecord {
  const command: CommandRecord = {
    id: nextId(state, 'command'),
    name,
    body,
    status: 'queued',
    result: 'unknown',
    queued: state.now().toISOString(),
  };
  state.commands.push(command);
  setImmediate(() => {
    command.status = 'started';
    command.started = state.now().toISOString();
    run(state, command)
      .then(
        (text) => {
          Object.assign(command, { status: 'completed', result: 'successful', message: text });
        },
        (error: unknown) => {
          Object.assign(command, {
            status: 'failed',
            result: 'unsuccessful',
            message: 'Failed',
            exception: error instanceof Error ? error.message : String(error),
          });
        },
      )
      .finally(() => {
        command.ended = state.now().toISOString();
      });
  });
  return command;
}

/** `POST /command`: known names only (case-insensitive, as Servarr matches them). */
export function commandRoute(names: readonly string[], run: CommandRunner): ArrRoute {
  return {
    method: 'POST',
    template: '/command',
    handle: ({ state, req }) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = names.find(
        (n) => n.toLowerCase() === (typeof body.name === 'string' ? body.name : '').toLowerCase(),
      );
      if (name === undefined) return message(400, `Unknown command: ${String(body.name)}`);
      return json(commandJson(state, enqueueCommand(state, name, body, run)), 201);
    },
  };
}

/** `GET /command/{id}`. */
export const commandByIdRoute: ArrRoute = {
  method: 'GET',
  template: '/command/{id}',
  handle: (ctx: ArrContext) => {
    const c = ctx.state.commands.find((x) => x.id === ctx.id);
    return c === undefined ? message(404, 'NotFound') : json(commandJson(ctx.state, c));
  },
};

/** Routes Radarr and Sonarr share (`/api/v3`); `mediaKey` filters queue/history (`movieIds` / `seriesIds`). */
export function sharedRoutes(mediaKey: 'movieId' | 'seriesId'): ArrRoute[] {
  const filterKey = `${mediaKey}s`;
  return [
    { method: 'GET', template: '/system/status', handle: ({ state }) => json(statusJson(state)) },
    { method: 'GET', template: '/health', handle: ({ state }) => json(healthJson(state.health)) },
    {
      method: 'GET',
      template: '/indexer',
      handle: ({ state }) => json(state.indexers.map((i) => arrIndexerJson(state, i))),
    },
    {
      method: 'POST',
      template: '/indexer/test',
      handle: ({ state, req }) => testOne(state.indexers, state.failingIndexerTests, req.body),
    },
    {
      method: 'POST',
      template: '/indexer/testall',
      handle: ({ state }) => testAll(state.indexers, state.failingIndexerTests),
    },
    {
      method: 'GET',
      template: '/downloadclient',
      handle: ({ state }) => json(state.downloadClients.map(downloadClientJson)),
    },
    {
      method: 'POST',
      template: '/downloadclient/test',
      handle: ({ state, req }) => testOne(state.downloadClients, state.failingDownloadClientTests, req.body),
    },
    {
      method: 'POST',
      template: '/downloadclient/testall',
      handle: ({ state }) => testAll(state.downloadClients, state.failingDownloadClientTests),
    },
    {
      method: 'GET',
      template: '/notification',
      handle: ({ state }) => json(state.notifications.map(notificationJson)),
    },
    { method: 'GET', template: '/remotepathmapping', handle: ({ state }) => json(state.remotePathMappings) },
    { method: 'GET', template: '/tag', handle: () => json([]) },
    {
      method: 'GET',
      template: '/rootfolder',
      handle: ({ state }) => json(state.rootFolders.map((r) => ({ ...r, unmappedFolders: [] }))),
    },
    {
      method: 'GET',
      template: '/qualityprofile',
      handle: ({ state }) =>
        json(
          state.qualityProfiles.map((p) => ({
            id: p.id,
            name: p.name,
            upgradeAllowed: false,
            cutoff: 7,
            items: [],
            minFormatScore: 0,
            cutoffFormatScore: 0,
            minUpgradeFormatScore: 1,
            formatItems: [],
            ...(state.appName === 'Radarr' ? { language: { id: 1, name: 'English' } } : {}),
          })),
        ),
    },
    commandByIdRoute,
    {
      method: 'GET',
      template: '/queue',
      handle: ({ state, req }) => {
        const wanted = ids(req.url, filterKey);
        return json(
          pageJson(
            state.queue.filter((q) => wanted === undefined || wanted.includes(q[mediaKey] ?? -1)).map(queueJson),
            req.url,
          ),
        );
      },
    },
    {
      method: 'GET',
      template: '/history',
      handle: ({ state, req }) => {
        const wanted = ids(req.url, filterKey);
        const eventType = req.url.searchParams.get('eventType');
        const downloadId = req.url.searchParams.get('downloadId');
        const rows = state.history
          .filter(
            (h) =>
              (wanted === undefined || wanted.includes(h[mediaKey] ?? -1)) &&
              (eventType === null || h.eventType === historyEventName(state, Number(eventType))) &&
              (downloadId === null || h.downloadId === downloadId),
          )
          .reverse();
        return json(pageJson(rows.map(historyJson), req.url));
      },
    },
  ];
}

/** History `eventType` query numbers → wire names (Radarr MovieHistoryEventType / Sonarr EpisodeHistoryEventType). */
function historyEventName(state: ArrState, n: number): string | undefined {
  const radarr = [
    'unknown',
    'grabbed',
    undefined,
    'downloadFolderImported',
    'downloadFailed',
    undefined,
    'movieFileDeleted',
    'movieFolderImported',
    'movieFileRenamed',
    'downloadIgnored',
  ];
  const sonarr = [
    'unknown',
    'grabbed',
    'seriesFolderImported',
    'downloadFolderImported',
    'downloadFailed',
    'episodeFileDeleted',
    'episodeFileRenamed',
    'downloadIgnored',
  ];
  return (state.appName === 'Sonarr' ? sonarr : radarr)[n];
}
