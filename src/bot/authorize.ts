import type { Role } from '../chat/role.js';
import type { ChatUser, Platform } from '../chat/chat-port.js';

/** One row of the people table (config `people`); only the fields authorization reads. */
export interface PersonEntry {
  readonly name: string;
  readonly role: Role;
  readonly discordId?: string | undefined;
  readonly slackId?: string | undefined;
  readonly shellId?: string | undefined;
}

/** Config `roles`: Discord role ids that grant a role to anyone holding them. */
export type RoleTable = Partial<Record<Role, { readonly discordRoleIds?: readonly string[] | undefined }>>;

/** The authorization inputs, as they come from config. */
export interface AccessConfig {
  readonly people: readonly PersonEntry[];
  readonly roles?: RoleTable | undefined;
}

const idField: Readonly<Record<Platform, 'discordId' | 'slackId' | 'shellId'>> = {
  discord: 'discordId',
  slack: 'slackId',
  shell: 'shellId',
};

/** The person behind a platform user id, if listed. */
export function findPerson(user: ChatUser, access: AccessConfig): PersonEntry | undefined {
  const field = idField[user.platform];
  return access.people.find(
    (p) => p[field] === user.id || (user.platform === 'shell' && p.shellId === undefined && p.name === user.id),
  );
}

/**
 * Role of a user: by immutable platform user id first, then (Discord) by held role ids,
 * operator winning over family. `undefined` means unknown.
 */
export function resolveRole(user: ChatUser, access: AccessConfig): Role | undefined {
  const person = findPerson(user, access);
  if (person !== undefined) return person.role;
  const held = (role: Role): boolean =>
    user.platform === 'discord' && (access.roles?.[role]?.discordRoleIds ?? []).some((id) => user.roleIds.includes(id));
  if (held('operator')) return 'operator';
  if (held('family')) return 'family';
  return undefined;
}

/** `operator` implies `family`. */
export const authorize = (role: Role | undefined, required: Role): boolean =>
  role === 'operator' || (role === 'family' && required === 'family');

/** Why a user was refused, worded for them. `label` is e.g. `/drift audit` or `the Approve button`. */
export function refusalMessage(user: ChatUser, role: Role | undefined, label: string, access: AccessConfig): string {
  if (role === undefined) {
    const operators = access.people.filter((p) => p.role === 'operator').map((p) => p.name);
    const who = operators.length > 0 ? operators.join(' or ') : 'the operator';
    return `I don't know you yet — ask ${who} to add your ${user.platform} id (${user.id}) to the people table.`;
  }
  return `${label} is for the operator; you can use /request, /requests and /report.`;
}
