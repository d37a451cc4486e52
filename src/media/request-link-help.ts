import type { ChatIdentity } from './resolve-overseerr-user.js';

/**
 * What an unlinked user is told: how to link, never a vague "unauthorized". Nothing is requested
 * for them (and never as the admin).
 */
export function linkHelpText(who: ChatIdentity): string {
  if (who.platform === 'discord') {
    return [
      'Your Discord account is not linked to an Overseerr user yet, so nothing was requested.',
      `To link it: open Overseerr → your avatar → Settings → Notifications → Discord, paste your Discord user id ${who.id} into "User ID", save, and run /request again (it can take a minute to be noticed).`,
      "Or ask the operator to add `overseerrUserId` to your entry in the bot's people table.",
    ].join('\n');
  }
  return [
    `Your ${who.platform} account is not linked to an Overseerr user yet, so nothing was requested.`,
    `Ask the operator to add \`overseerrUserId\` (your Overseerr user number) next to your ${who.platform} id ${who.id} in the bot's people table.`,
  ].join('\n');
}
