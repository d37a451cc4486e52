import { UserError } from '../errors.js';
import type { ActionRecord } from '../store/action-store.js';
import type { RunRecord } from '../store/run-store.js';
import type { Platform } from '../chat/platform.js';
import type { InboundAction, InboundCommand } from './inbound.js';

/** Where one platform may be used: its guild (Discord) or team (Slack), and the channels allowed in it. */
export interface AllowedPlace {
  /** Discord guild id or Slack team id; when set, anything from another one is refused. */
  readonly workspaceId?: string | undefined;
  /** Channels (thread parents included) commands and clicks are taken from. */
  readonly channelIds: readonly string[];
}

/** Per platform; a platform without an entry (the shell) is not restricted. */
export type AllowedPlaces = Partial<Record<Platform, AllowedPlace>>;

const notHere = (): UserError =>
  new UserError('wrong-place', "I don't take commands here. Use the bot's channel on the configured server.");

/** Refuses a command or click from a guild, workspace or channel that is not configured. */
export function checkPlace(
  places: AllowedPlaces | undefined,
  where: Pick<InboundCommand, 'platform' | 'workspaceId' | 'channelId'>,
): void {
  const place = places?.[where.platform];
  if (place === undefined) return;
  if (place.workspaceId !== undefined && where.workspaceId !== place.workspaceId) throw notHere();
  if (!place.channelIds.includes(where.channelId)) throw notHere();
}

const foreignClick = (): UserError =>
  new UserError('action-elsewhere', "This button doesn't belong to this message, so nothing was run.");

/**
 * A click must come from the message its action was posted on. Records from before origins
 * were stored fall back to the platform and channel of the run the button belongs to. The
 * local shell is exempt: it is the operator's own terminal, and `click <act:id>` there sends
 * a raw id on purpose.
 */
export function checkOrigin(record: ActionRecord, parent: RunRecord | undefined, action: InboundAction): void {
  if (action.platform === 'shell' && (record.origin?.platform ?? parent?.platform) === 'shell') return;
  const origin = record.origin;
  if (origin === undefined) {
    if (parent !== undefined && (parent.platform !== action.platform || parent.channelId !== action.message.channelId))
      throw foreignClick();
    return;
  }
  const same =
    origin.platform === action.platform &&
    origin.channelId === action.message.channelId &&
    origin.messageId === action.message.messageId;
  const workspace = origin.workspaceId === undefined || origin.workspaceId === action.workspaceId;
  if (!same || !workspace) throw foreignClick();
}

/** A payload `owner` (request flows): only that person may use the button or menu. */
export function checkOwner(record: ActionRecord, action: InboundAction): void {
  const owner = record.payload['owner'] as { platform?: unknown; id?: unknown; name?: unknown } | undefined;
  if (typeof owner !== 'object' || typeof owner.id !== 'string') return;
  if (owner.platform === action.platform && owner.id === action.user.id) return;
  const whose = typeof owner.name === 'string' ? `${owner.name}'s` : "someone else's";
  throw new UserError(
    'request-not-yours',
    `This menu belongs to ${whose} request, so nothing was done. Start your own with /request movie or /request tv.`,
  );
}
