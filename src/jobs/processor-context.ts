import type { Job } from 'bullmq';
import type { ActionStyle, ChatPort } from '../chat/chat-port.js';
import type { Logger } from '../log.js';
import type { RunRecord } from '../store/run-store.js';
import type { ActionSpec, ProcessorContext } from './processor.js';
import type { JobDeps } from './run-job.js';
import { setStatusLine } from './post-result.js';
import { ResumeLater, splitResume } from './resume-later.js';

interface Scope {
  readonly job: Job;
  readonly run: RunRecord;
  readonly chat: ChatPort;
  readonly deps: JobDeps;
  readonly log: Logger;
}

/** Builds the context a processor sees for one attempt. */
export function processorContext(scope: Scope): ProcessorContext {
  const { job, run, chat, deps, log } = scope;
  const store = async (definition: ActionSpec, payload: Record<string, unknown>, label: string, style: ActionStyle) =>
    deps.actionStore.create(
      {
        kind: definition.kind,
        label,
        style,
        payload: definition.payload.parse(payload),
        role: definition.role,
        singleUse: definition.singleUse,
        createdBy: { platform: run.requester.platform, id: run.requester.id },
        runId: run.runId,
      },
      deps.actionTtlMs,
    );
  return {
    log,
    run,
    attempt: job.attemptsMade + 1,
    createButton: async (definition, payload, label, style = 'primary') => {
      const record = await store(definition, payload, label, style);
      return { id: `act:${record.id}`, label, style };
    },
    createSelect: async (definition, payload, menu) => {
      const record = await store(definition, payload, menu.placeholder, 'secondary');
      return { id: `act:${record.id}`, ...menu };
    },
    progress: (text) => setStatusLine(chat, run, text, log),
    post: (message) => chat.post({ platform: run.platform, channelId: run.channelId, threadId: run.threadId }, message),
    edit: (message, next) => chat.edit(message, next),
    resumeState: splitResume(job.data).state,
    resumeLater: (state, delayMs) => {
      throw new ResumeLater(state, delayMs);
    },
    system: deps.system,
  };
}
