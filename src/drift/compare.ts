import { applyImageDefaults, rebaseBinds } from './apply-image-defaults.js';
import { classify } from './classify.js';
import type { DriftItem, DriftKind, Severity } from './drift-item.js';
import { flattenModel } from './flatten.js';
import { isSecret, MASK, maskPair } from './mask.js';
import type { ExpectedService, ObservedContainer } from './model.js';
import { displayTemplate, isSymbolic, markerNames, matchTemplate } from './template.js';

/** Shared state and settings for comparing the services of one stack on one host. */
export interface CompareContext {
  readonly host: string;
  /** Values captured for unknown variables so far in this stack (same VAR ⇒ same value). */
  readonly bound: Map<string, string>;
  readonly knownSecrets: readonly string[];
  /** Tool labels never compared (compose and Portainer bookkeeping). */
  readonly ignoredLabelPrefixes: readonly string[];
}

/** Labels set by deployment tools rather than by the stack author (design N10). */
export const DEFAULT_IGNORED_LABELS = ['com.docker.compose.', 'io.portainer.'];
const PROXY_ENV = /^environment\.(https?_proxy|no_proxy|ftp_proxy)$/i;

type Verdict = { readonly kind: DriftKind; readonly severity?: Severity } | null;

/** N23: logging is compared only when git sets it (the daemon fills its default driver in). */
const unsetLogging = (path: string, exp: ExpectedService): boolean =>
  path.startsWith('logging.') &&
  (exp.model.logging === null || (path === 'logging.driver' && exp.model.logging.driver === ''));

function judge(
  path: string,
  e: string | undefined,
  o: string | undefined,
  exp: ExpectedService,
  obs: ObservedContainer,
  ctx: CompareContext,
): Verdict {
  if (unsetLogging(path, exp)) return null;
  if (e === undefined) {
    if (PROXY_ENV.test(path)) return null;
    if (path.startsWith('environment.') && exp.opaqueEnv) return { kind: 'added', severity: 'unverifiable' };
    const target = /^volumes\[(.*)\]$/.exec(path)?.[1];
    if (target !== undefined && o?.startsWith('volume:') === true && obs.imageDefaults.volumes.has(target)) return null;
    return { kind: 'added' };
  }
  if (o === undefined) return { kind: 'removed' };
  if (!isSymbolic(e)) return e === o ? null : { kind: 'changed' };
  const match = matchTemplate(e, o, ctx.bound);
  if (!match.ok) return { kind: 'changed' };
  for (const [k, v] of match.captures) ctx.bound.set(k, v);
  return markerNames(e).length > 0 ? { kind: 'changed', severity: 'unverifiable' } : null;
}

/**
 * Masks a secret pair. For an unverifiable template the expected side stays the variable reference
 * (`${WG_KEY}`, text from git that holds no value) and the actual side is a bare mask: with the value
 * unknown, "(changed)" would be a claim the bot cannot make.
 */
function maskSecret(
  shown: { expected: string | null; actual: string | null },
  verdict: NonNullable<Verdict>,
  known: readonly string[],
): { expected: string | null; actual: string | null } {
  const masked = maskPair(shown.expected, shown.actual);
  const template = shown.expected;
  if (verdict.severity !== 'unverifiable' || template === null || isSecret('', [template], known)) return masked;
  return { expected: template, actual: shown.actual === null ? null : MASK };
}

function item(
  path: string,
  verdict: NonNullable<Verdict>,
  e: string | undefined,
  o: string | undefined,
  exp: ExpectedService,
  ctx: CompareContext,
): DriftItem {
  const key = path.replace(/^(environment|labels)\./, '');
  const shown = { expected: e === undefined ? null : displayTemplate(e), actual: o ?? null };
  const secret = isSecret(key, [e ?? null, o ?? null], ctx.knownSecrets, markerNames(e ?? ''));
  const values = secret ? maskSecret(shown, verdict, ctx.knownSecrets) : shown;
  const severity = verdict.severity ?? classify(path, verdict.kind);
  return { host: ctx.host, stack: exp.stack, service: exp.service, kind: verdict.kind, path, severity, ...values };
}

const ignoredLabel = (path: string, prefixes: readonly string[]): boolean =>
  path.startsWith('labels.') && prefixes.some((p) => path.startsWith(`labels.${p}`));

/** Compares one expected service with one of its containers; an empty list means in sync. */
export function compareService(exp: ExpectedService, obs: ObservedContainer, ctx: CompareContext): DriftItem[] {
  const model = applyImageDefaults(rebaseBinds(exp.model, exp.projectDir, obs.workingDir), obs.imageDefaults);
  const withDigest = exp.model.image.digest !== '';
  const expected = flattenModel(model, withDigest);
  const observed = flattenModel(obs.model, withDigest);
  const items: DriftItem[] = [];
  const files = exp.composeFiles.join(',');
  if (obs.configFiles !== null && obs.configFiles.join(',') !== files) {
    items.push({
      host: ctx.host,
      stack: exp.stack,
      service: exp.service,
      kind: 'changed',
      path: 'config_files',
      severity: classify('config_files', 'changed'),
      expected: files,
      actual: obs.configFiles.join(','),
    });
  }
  if (obs.state !== 'running') {
    items.push({
      host: ctx.host,
      stack: exp.stack,
      service: exp.service,
      kind: 'changed',
      path: 'state',
      severity: classify('state', 'changed'),
      expected: 'running',
      actual: obs.state,
    });
  }
  for (const path of new Set([...expected.keys(), ...observed.keys()])) {
    if (ignoredLabel(path, ctx.ignoredLabelPrefixes)) continue;
    const e = expected.get(path);
    const o = observed.get(path);
    const verdict = judge(path, e, o, exp, obs, ctx);
    if (verdict !== null) items.push(item(path, verdict, e, o, exp, ctx));
  }
  return items;
}
