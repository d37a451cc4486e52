/**
 * Every Slack Web API method this folder calls (through `callSlack('<method>', …)`), with the bot
 * token scopes it needs. slack-manifest.test.ts fails when the adapter calls a method that is not
 * listed, so the manifest always asks for what the code uses — and nothing more.
 */
export const slackMethodScopes = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  // DMs: "it's available" notices to the person who asked.
  'conversations.open': ['im:write'],
  // files.uploadV2 = files.getUploadURLExternal + files.completeUploadExternal.
  'files.uploadV2': ['files:write'],
  // Reads a message back to disable its buttons: in public and private channels and DMs.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
} as const satisfies Record<string, readonly string[]>;

/** Bot scopes the app needs: slash commands plus every called method's scopes, sorted. */
export function neededSlackScopes(): string[] {
  return [...new Set<string>(['commands', ...Object.values(slackMethodScopes).flat()])].sort();
}
