import { advanceE2e } from '../../e2e/advance-e2e.js';
import { cleanupE2e } from '../../e2e/cleanup-e2e.js';
import { checkReadiness } from '../../e2e/e2e-readiness.js';
import type { E2eServices } from '../../e2e/e2e-services.js';
import { toE2eState, type E2eState } from '../../e2e/e2e-state.js';
import { renderSteps } from '../../e2e/render-e2e.js';
import type { E2eConfig } from '../../config/schema.js';
import { UserError } from '../../errors.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';
import { e2eReadinessReport, e2eResultReport } from './e2e-report.js';

/** What the `/e2e` processor needs; the composition root passes the real ones. */
export interface E2eRunDeps {
  readonly config: E2eConfig | undefined;
  /** Builds the service clients (throws a UserError naming missing `media.*` config). */
  services(): E2eServices;
  readonly now: () => number;
}

type LongJobContext = ProcessorContext & Required<Pick<ProcessorContext, 'post' | 'edit' | 'resumeLater'>>;

function requireLongJob(ctx: ProcessorContext): LongJobContext {
  if (ctx.post === undefined || ctx.edit === undefined || ctx.resumeLater === undefined)
    throw new Error('/e2e needs post, edit and resumeLater in the processor context');
  return ctx as LongJobContext;
}

const heading = (config: E2eConfig, state: E2eState, status: string): string =>
  `**/e2e** ${state.facts.title === undefined ? '' : `"${state.facts.title}" `}(tmdb ${config.tmdbId}) — ${status}`;

async function showSteps(ctx: LongJobContext, state: E2eState, text: string): Promise<void> {
  if (state.message === undefined) return;
  try {
    const { threadId, ...ref } = state.message;
    await ctx.edit(threadId === undefined ? ref : { ...ref, threadId }, { text });
  } catch (error) {
    ctx.log.warn({ err: error }, 'e2e step list edit failed');
  }
}

/**
 * `/e2e`: polls the current hop, edits the step list, and parks the job between polls
 * (`resumeLater`), so hours of waiting hold no worker slot and survive worker restarts.
 */
export function e2eProcessor(deps: E2eRunDeps): Processor<'media.e2e'> {
  return async (payload, context) => {
    const config = deps.config;
    if (config === undefined)
      throw new UserError(
        'e2e-not-configured',
        '/e2e needs an `e2e:` section in the config (tmdbId of a test movie; see config.example.yaml).',
      );
    const services = deps.services();
    if (payload.options['dry-run'] === true) return e2eReadinessReport(await checkReadiness(services, config));
    const ctx = requireLongJob(context);
    const state = toE2eState(ctx.resumeState, deps.now());
    if (state.message === undefined) {
      const message = await ctx.post({
        text: renderSteps(state, deps.now(), heading(config, state, '🔄 starting'), services.names),
      });
      // Saved before any request is made, so a crash from here on edits this message, never posts a second one.
      ctx.resumeLater({ ...state, message }, 0);
    }
    const { state: next, progress } = await advanceE2e(state, services, config, deps.now);
    const status =
      progress === 'waiting' || progress === 'waitingSoon'
        ? '🔄 running'
        : progress === 'passed'
          ? '✅ passed'
          : '❌ failed';
    await showSteps(ctx, next, renderSteps(next, deps.now(), heading(config, next, status), services.names));
    if (progress === 'waiting' || progress === 'waitingSoon')
      ctx.resumeLater(next, progress === 'waitingSoon' ? 0 : config.pollIntervalMs);
    const cleanup = config.cleanup ? await cleanupE2e(services, next.facts, config.tmdbId) : [];
    return e2eResultReport(next, deps.now(), cleanup);
  };
}
