import { z } from 'zod';
import { roles, type Role } from '../chat/role.js';
import { discordId, evenWithIssues, integer, slackUserId, slug, strictObject } from './primitives.js';

/** Roles the bot knows: operators may audit, approve and remediate; family may request media. */
export const roleNames = roles;
/** A role name. */
export type RoleName = Role;

/** One person, identified on Discord and/or Slack; roles are checked on every action. */
export const personSchema = strictObject({
  /** Unique display name, e.g. `alice`. */
  name: slug('a person name').describe('unique person name'),
  /** `operator` or `family`. */
  role: z.enum(roleNames, { error: 'expected "operator" or "family"' }).describe('role of the person'),
  /** Discord user id (Developer Mode → Copy User ID). */
  discordId: discordId().optional().describe('Discord user id'),
  /** Slack member id `U…`. */
  slackId: slackUserId().optional().describe('Slack member id'),
  /** Overseerr user id, so requests are made as this person. */
  overseerrUserId: integer(1).optional().describe('Overseerr user id'),
}).superRefine((person, ctx) => {
  if (person.discordId === undefined && person.slackId === undefined) {
    const who = typeof person.name === 'string' ? `person '${person.name}'` : 'each person';
    ctx.addIssue({ code: 'custom', message: `${who} needs discordId, slackId or both` });
  }
}, evenWithIssues);

const roleSchema = strictObject({
  /** Discord role ids whose members get this role (in addition to people[]). */
  discordRoleIds: z
    .array(discordId(), {
      error: 'expected a list of Discord role ids',
    })
    .default([])
    .describe('Discord role ids granting this role'),
});

/** Optional Discord role mapping per role. */
export const rolesSchema = strictObject({
  operator: roleSchema.prefault({}),
  family: roleSchema.prefault({}),
});

/** A person after validation. */
export type Person = z.infer<typeof personSchema>;
/** The role mapping after validation. */
export type RolesConfig = z.infer<typeof rolesSchema>;
