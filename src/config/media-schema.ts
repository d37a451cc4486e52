import { z } from 'zod';
import { parseDuration } from './duration.js';
import {
  cidr,
  discordId,
  duration,
  httpUrl,
  optionalSecret,
  secret,
  slackChannelId,
  strictObject,
  text,
} from './primitives.js';

/** An operator channel per platform; a platform left out uses its report channel. */
const operatorChannels = (what: string) =>
  strictObject({
    discord: discordId().optional().describe(`Discord channel id for ${what}`),
    slack: slackChannelId().optional().describe(`Slack channel id for ${what}`),
  }).optional();

const apiService = (example: string) =>
  strictObject({
    /** Base URL, e.g. `http://radarr.lan:7878`. */
    url: httpUrl(example).describe('base URL'),
    /** API key (Settings → General); write it as `${VAR}`. */
    apiKey: secret().describe('API key'),
  });

/** Overseerr and its fork Jellyseerr take the same settings. */
const requestServer = (example: string, flavor: RequestFlavor) =>
  apiService(example)
    .extend({
      /**
       * The exact `Authorization` header value set in Overseerr/Jellyseerr → Settings → Notifications → Webhook;
       * `POST /hooks/overseerr` refuses every call without it (and all calls when it is unset).
       */
      webhookSecret: optionalSecret().describe('webhook Authorization header value'),
      /** How often the backup poll looks for newly available requests whose webhook was missed. */
      notifyPoll: duration().default('10m').describe('backup poll interval for availability notices'),
      /**
       * Where requests waiting for approval are posted (a thread each, Approve/Decline buttons);
       * default the report channel. The channel must be one the bot takes clicks from (allowedChannelIds).
       */
      requestsChannel: operatorChannels('pending requests'),
      /** Where `/report` issues are posted (a thread each, Resolve button); default the report channel. */
      issuesChannel: operatorChannels('reported problems'),
    })
    .transform((o) => ({
      ...o,
      /** `notifyPoll` in milliseconds. */
      notifyPollMs: parseDuration(o.notifyPoll),
      /** Which request server this is (Jellyseerr differs from Overseerr in a few routes and names). */
      flavor,
    }));

/** The request server: Overseerr, or Jellyseerr (its fork for Jellyfin/Emby). */
export type RequestFlavor = 'overseerr' | 'jellyseerr';

const mediaObject = strictObject({
  /** Overseerr: family media requests. */
  overseerr: requestServer('http://overseerr.lan:5055', 'overseerr').optional(),
  /** Jellyseerr: family media requests for Jellyfin homelabs (instead of `overseerr`, never both). */
  jellyseerr: requestServer('http://jellyseerr.lan:5055', 'jellyseerr').optional(),
  /** Radarr (movies). */
  radarr: apiService('http://radarr.lan:7878').optional(),
  /** Sonarr (series). */
  sonarr: apiService('http://sonarr.lan:8989').optional(),
  /** Prowlarr (indexers). */
  prowlarr: apiService('http://prowlarr.lan:9696').optional(),
  /** Plex: base URL and `X-Plex-Token`. */
  plex: strictObject({
    url: httpUrl('http://plex.lan:32400').describe('base URL'),
    token: secret().describe('X-Plex-Token'),
    /** Plex Web address people open (e.g. `https://plex.example.com`); availability notices link to it. */
    webUrl: httpUrl('https://plex.example.com').optional().describe('Plex Web URL for "watch" links'),
  }).optional(),
  /** Jellyfin: base URL and an API key (Dashboard → API Keys); alongside or instead of Plex. */
  jellyfin: strictObject({
    url: httpUrl('http://jellyfin.lan:8096').describe('base URL'),
    apiKey: secret().describe('API key (Dashboard → API Keys)'),
    /** Jellyfin Web address people open (e.g. `https://jellyfin.example.com`); availability notices link to it. */
    webUrl: httpUrl('https://jellyfin.example.com').optional().describe('Jellyfin Web URL for "watch" links'),
  }).optional(),
  /** qBittorrent Web UI login. */
  qbittorrent: strictObject({
    url: httpUrl('http://qbittorrent.lan:8080').describe('Web UI base URL'),
    username: text('expected the qBittorrent Web UI user name').describe('Web UI user'),
    password: secret().describe('Web UI password'),
    /**
     * Sent as `Referer` only when set: a reverse proxy that keeps `Host` and requires a Referer. Left unset,
     * no Referer/Origin is sent, which passes qBittorrent's CSRF check behind proxies that rewrite `Host`.
     */
    referer: httpUrl('https://qbittorrent.example.com/')
      .optional()
      .describe('Referer header for a reverse proxy that needs one'),
  }).optional(),
  /** Gluetun control server; `apiKey` when its auth config requires one. */
  gluetun: strictObject({
    url: httpUrl('http://gluetun.lan:8000').describe('control server base URL'),
    apiKey: optionalSecret().describe('control server API key (X-API-Key)'),
  }).optional(),
  /** `/health` checks. */
  health: strictObject({
    /** Per-check time limit; a hung service costs one of these, not one per call. */
    timeout: duration().default('10s').describe('per-check timeout'),
    /** A search Prowlarr should find releases for (e.g. a popular movie); unset: that check is skipped. */
    testQuery: text('expected a search text like "ubuntu" or a popular movie title')
      .optional()
      .describe('Prowlarr test search'),
  }).prefault({}),
  /** Home WAN addresses; the VPN check fails when a download client's public IP is in one of them. */
  homeCidrs: z
    .array(cidr(), { error: 'expected a list of IP addresses or CIDR ranges' })
    .default([])
    .describe('home WAN IP/CIDR'),
});

/**
 * Media services the health checks and requests talk to. Every service is optional. `overseerr` and
 * `jellyseerr` are alternatives (a family requests through one server): setting both is refused. After
 * validation the request server is always `overseerr` (with `flavor` telling which), so every request,
 * notice and /e2e path serves both.
 */
export const mediaSchema = mediaObject
  .superRefine((m, ctx) => {
    if (m.overseerr !== undefined && m.jellyseerr !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['jellyseerr'],
        message:
          'set either media.overseerr or media.jellyseerr, not both: the bot files requests through one request server (keep the one your family uses)',
      });
  })
  .transform(({ jellyseerr, ...m }) => ({ ...m, overseerr: m.overseerr ?? jellyseerr }));

/** Media settings after validation. */
export type MediaConfig = z.infer<typeof mediaSchema>;
