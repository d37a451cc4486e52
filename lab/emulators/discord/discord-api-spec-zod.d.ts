/**
 * Types for `discord-api-spec/zod`, whose package points `types` at the untyped `.js` build.
 * Only the schemas the Discord emulator validates against are declared.
 */
declare module 'discord-api-spec/zod' {
  interface SpecIssue {
    readonly path: readonly PropertyKey[];
    readonly message: string;
  }
  interface SpecSchema {
    safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly SpecIssue[] } };
  }
  export const GatewayBotResponseSchema: SpecSchema;
  export const ApplicationCommandResponseSchema: SpecSchema;
  export const MessageResponseSchema: SpecSchema;
  export const ThreadResponseSchema: SpecSchema;
  export const CreatedThreadResponseSchema: SpecSchema;
  export const GuildChannelResponseSchema: SpecSchema;
  export const PrivateChannelResponseSchema: SpecSchema;
  export const InteractionCallbackResponseSchema: SpecSchema;
}
