import type { z } from 'zod';

import type { Role } from '../chat/role.js';

export type { Role } from '../chat/role.js';

/**
 * One slash command (or sub-command), declared as data. The same zod `options` object drives
 * Discord's option JSON (register-commands), Slack/shell text parsing and validation.
 * Option fields must be `z.string()`, `z.number().int()`, `z.boolean()` or `z.enum([...])`,
 * optionally `.optional()`/`.default()`, each with `.describe('…')` (shown as help text).
 */
export interface CommandDefinition<O extends z.ZodObject = z.ZodObject, J extends string = string> {
  /** Top-level command without slash, lowercase, e.g. `drift`. */
  readonly command: string;
  /** Sub-command, e.g. `audit`; omit for a flat command like `ping`. */
  readonly subcommand?: string;
  readonly description: string;
  readonly options: O;
  readonly role: Role;
  /**
   * The job this command enqueues (`drift.audit`): a key of its feature's `jobs`, checked by the
   * compiler in `defineFeature`.
   */
  readonly job: J;
  /**
   * Option names that make up the dedupe key, besides command and user. A second identical
   * submission while the first is queued/running does not enqueue again.
   */
  readonly dedupeBy?: readonly (keyof z.infer<O> & string)[];
  /**
   * Slack/shell: the whole text after the command is this option, verbatim (no `key:value`
   * parsing), for free text such as titles with colons (`tmdb:603`, `Mission: Impossible`).
   */
  readonly freeText?: keyof z.infer<O> & string;
  /**
   * Options that need a higher role when set (not undefined/false), checked by the dispatcher like
   * `role`: e.g. `/requests pending` is for operators while `/requests` is for the family.
   */
  readonly optionRoles?: Partial<Record<keyof z.infer<O> & string, Role>>;
}

/** Identity helper that keeps literal types and checks the shape (`satisfies` in one call). */
export const defineCommand = <O extends z.ZodObject, const J extends string>(
  definition: CommandDefinition<O, J>,
): CommandDefinition<O, J> => definition;

/**
 * A button or select action. Custom ids on the wire are `act:<opaqueId>`; the opaque id maps
 * to a stored action record `{ kind, payload, role, expiresAt, status }` server-side.
 */
export interface ActionDefinition<P extends z.ZodObject = z.ZodObject, J extends string = string> {
  /** Stable kind, e.g. `drift.open-pr`, `approve`, `revert`. */
  readonly kind: string;
  readonly description: string;
  /** Payload stored server-side at the time the button is created. */
  readonly payload: P;
  readonly role: Role;
  /** The job a click enqueues: a key of its feature's `jobs`. */
  readonly job: J;
  /** Whether a second click is refused (approve/revert) or allowed (pagination). */
  readonly singleUse: boolean;
}

export const defineAction = <P extends z.ZodObject, const J extends string>(
  definition: ActionDefinition<P, J>,
): ActionDefinition<P, J> => definition;
