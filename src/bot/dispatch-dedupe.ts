import { createHash } from 'node:crypto';
import type { CommandDefinition } from '../commands/define-command.js';
import { commandLabel } from '../commands/registry.js';
import { UserError } from '../errors.js';
import type { InboundCommand } from './inbound.js';
import type { DispatchDeps } from './dispatch-deps.js';

interface ContentScope {
  readonly cmd: InboundCommand;
  readonly definition: CommandDefinition;
  readonly options: Record<string, unknown>;
  readonly runId: string;
}

function contentKey({ cmd, definition, options }: ContentScope): string {
  const names = definition.dedupeBy ?? Object.keys(options).sort();
  const picked = names.map((n) => [n, options[n]]);
  const raw = JSON.stringify([cmd.platform, cmd.user.id, commandLabel(definition), picked]);
  return createHash('sha256').update(raw).digest('base64url');
}

/**
 * Refuses a second identical command (same user, command and dedupe options) while the first
 * is still queued or running; takes the key over once that run has finished.
 */
export async function claimContent(deps: DispatchDeps, scope: ContentScope): Promise<void> {
  const key = contentKey(scope);
  const window = deps.dedupeWindowSeconds ?? 600;
  const owner = await deps.dedupeStore.acquire(key, scope.runId, window);
  if (owner === undefined || owner === scope.runId) return;
  const run = await deps.runStore.get(owner);
  if (run !== undefined && (run.status === 'queued' || run.status === 'running')) {
    throw new UserError(
      'already-running',
      `/${commandLabel(scope.definition)} is already ${run.status} (run ${run.runId}) — see its thread.`,
    );
  }
  await deps.dedupeStore.replace(key, scope.runId, window);
}
