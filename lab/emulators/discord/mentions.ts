/**
 * Discord's mention rules for an outgoing message (API docs, "Allowed Mentions Object"):
 * without `allowed_mentions` every mention in `content` pings (`@everyone`, `@here`, `<@id>`,
 * `<@&role>`); with it only the listed kinds (`parse`) and ids (`users`, `roles`) do. The
 * emulator records, for every message the bot sends or edits with content, the pings that
 * would happen and whether `allowed_mentions` was set at all.
 */
export interface MentionAudit {
  /** `METHOD path` of the request. */
  readonly request: string;
  readonly content: string;
  /** `allowed_mentions` was absent: Discord's default (everything in the text pings) applied. */
  readonly missingAllowedMentions: boolean;
  /** What would have pinged: `everyone`, `here`, `user:<id>`, `role:<id>`. */
  readonly pings: string[];
}

type Json = Record<string, unknown> | undefined;

const everyoneLike = (content: string): string[] => [...content.matchAll(/@(everyone|here)\b/g)].map((m) => m[1] ?? '');

function allowed(am: Record<string, unknown> | undefined): {
  parse: Set<string>;
  users: Set<string>;
  roles: Set<string>;
} {
  if (am === undefined) return { parse: new Set(['everyone', 'users', 'roles']), users: new Set(), roles: new Set() };
  const list = (k: string): string[] => (Array.isArray(am[k]) ? (am[k] as unknown[]).map(String) : []);
  return { parse: new Set(list('parse')), users: new Set(list('users')), roles: new Set(list('roles')) };
}

/** The audit of one message body, or undefined when it carries no content (nothing can ping). */
export function auditMentions(request: string, json: Json): MentionAudit | undefined {
  const content = json?.['content'];
  if (typeof content !== 'string') return undefined;
  const am = json?.['allowed_mentions'] as Record<string, unknown> | undefined;
  const rules = allowed(am);
  const pings: string[] = [];
  if (rules.parse.has('everyone')) pings.push(...everyoneLike(content));
  for (const m of content.matchAll(/<@!?(\d+)>/g)) {
    const id = m[1] ?? '';
    if (rules.parse.has('users') || rules.users.has(id)) pings.push(`user:${id}`);
  }
  for (const m of content.matchAll(/<@&(\d+)>/g)) {
    const id = m[1] ?? '';
    if (rules.parse.has('roles') || rules.roles.has(id)) pings.push(`role:${id}`);
  }
  return { request, content, missingAllowedMentions: am === undefined, pings };
}
