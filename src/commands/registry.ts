import type { ActionDefinition, CommandDefinition } from './define-command.js';
import { approve } from './remediation/approve.js';
import { auditTrail } from './remediation/audit-trail.js';
import { catalog } from './catalog/catalog.js';
import { driftAudit } from './drift/drift-audit.js';
import { driftFix } from './remediation/drift-fix.js';
import { driftLint } from './drift/drift-lint.js';
import { driftOpenPr } from './remediation/drift-open-pr.js';
import { health } from './health/health.js';
import { healthOpenFix } from './health/health-open-fix.js';
import { e2e } from './e2e/e2e.js';
import { pingAck } from './status/ping-ack.js';
import { requestConfirm } from './requests/request-confirm.js';
import { requestMovie } from './requests/request-movie.js';
import { requestNotifyMe } from './requests/request-notify-me.js';
import { requestPick } from './requests/request-pick.js';
import { requestSeasons } from './requests/request-seasons.js';
import { requestTv } from './requests/request-tv.js';
import { revert } from './remediation/revert.js';
import { ping } from './status/ping.js';
import { requests } from './requests/requests.js';
import { status } from './status/status.js';

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
