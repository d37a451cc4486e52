import * as S from 'discord-api-spec/zod';

/** Response schemas of `discord-api-spec` the emulator checks its own bodies against. */
export type SchemaName =
  | 'gatewayBot'
  | 'command'
  | 'commandList'
  | 'message'
  | 'messageList'
  | 'thread'
  | 'createdThread'
  | 'guildChannel'
  | 'dmChannel'
  | 'callback';

const single = {
  gatewayBot: S.GatewayBotResponseSchema,
  command: S.ApplicationCommandResponseSchema,
  message: S.MessageResponseSchema,
  thread: S.ThreadResponseSchema,
  createdThread: S.CreatedThreadResponseSchema,
  guildChannel: S.GuildChannelResponseSchema,
  dmChannel: S.PrivateChannelResponseSchema,
  callback: S.InteractionCallbackResponseSchema,
} as const;

/**
 * Checks one response body; returns a readable description of every violation (empty = valid).
 * Lists (`commandList`, `messageList`) are checked element by element.
 */
export function checkResponse(schema: SchemaName, body: unknown): string[] {
  if (schema === 'commandList' || schema === 'messageList') {
    if (!Array.isArray(body)) return [`${schema}: expected an array`];
    const inner = schema === 'commandList' ? 'command' : 'message';
    return body.flatMap((item: unknown, i) => checkResponse(inner, item).map((v) => `[${i}] ${v}`));
  }
  const result = single[schema].safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${schema}: ${issue.path.map(String).join('.')}: ${issue.message}`);
}
