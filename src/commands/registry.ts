import type { ActionDefinition, CommandDefinition } from './define-command.js';
import { approve } from './approve.js';
import { auditTrail } from './audit-trail.js';
import { catalog } from './catalog.js';
import { driftAudit } from './drift-audit.js';
import { driftFix } from './drift-fix.js';
import { driftLint } from './drift-lint.js';
import { driftOpenPr } from './drift-open-pr.js';
import { health } from './health.js';
import { healthOpenFix } from './health-open-fix.js';
import { e2e } from './e2e.js';
import { pingAck } from './ping-ack.js';
import { requestConfirm } from './request-confirm.js';
import { requestMovie } from './request-movie.js';
import { requestNotifyMe } from './request-notify-me.js';
import { requestPick } from './request-pick.js';
import { requestSeasons } from './request-seasons.js';
import { requestTv } from './request-tv.js';
import { revert } from './revert.js';
import { ping } from './ping.js';
import { requests } from './requests.js';
import { status } from './status.js';

/** Every slash command, listed explicitly (registry.test.ts fails when a file is missing). */
export const commands: readonly CommandDefinition[] = [ping, status, driftAudit, driftLint, requestMovie, requestTv, driftFix, auditTrail, requests, health, e2e,
  catalog];

/** Every button/select action kind. */
export const actions: readonly ActionDefinition[] = [pingAck, requestPick, requestSeasons, requestConfirm, requestNotifyMe, driftOpenPr, approve, revert, healthOpenFix];

/** What the dispatcher looks things up in; tests may build their own. */
export interface Registry {
  readonly commands: readonly CommandDefinition[];
  readonly actions: readonly ActionDefinition[];
}

export const registry: Registry = { commands, actions };

/** `drift audit` / `ping` label of a definition, without the slash. */
export const commandLabel = (d: Pick<CommandDefinition, 'command' | 'subcommand'>): string =>
  d.subcommand === undefined ? d.command : `${d.command} ${d.subcommand}`;

export const findCommand = (r: Registry, command: string, subcommand?: string): CommandDefinition | undefined =>
  r.commands.find((d) => d.command === command && d.subcommand === subcommand);

export const findAction = (r: Registry, kind: string): ActionDefinition | undefined =>
  r.actions.find((a) => a.kind === kind);

/** Whether `/command` takes a sub-command word (for shell/Slack line parsing). */
export const hasSubcommands = (r: Registry, command: string): boolean =>
  r.commands.some((d) => d.command === command && d.subcommand !== undefined);
