import type { HealthcheckSpec, ImageDefaults, MountSpec, ServiceModel } from './model.js';

function fillHealth(e: HealthcheckSpec | null, i: HealthcheckSpec | null): HealthcheckSpec | null {
  if (e === null || i === null) return e ?? i;
  return {
    test: e.test.length === 0 ? i.test : e.test,
    interval: e.interval || i.interval,
    timeout: e.timeout || i.timeout,
    startPeriod: e.startPeriod || i.startPeriod,
    retries: e.retries || i.retries,
  };
}

/** Image keys the service does not set are added, as the engine does. */
function union<V>(e: ReadonlyMap<string, V>, i: ReadonlyMap<string, V>): Map<string, V> {
  const out = new Map(e);
  for (const [k, v] of i) if (!out.has(k)) out.set(k, v);
  return out;
}

/**
 * What the engine makes of the expected model for this image (moby `daemon/commit.go:merge`,
 * design N6/N7/N9/N10/N22): unset user, workdir, healthcheck, env and label keys come from the
 * image; `Cmd` from the image only when neither command nor entrypoint is set.
 */
export function applyImageDefaults(e: ServiceModel, i: ImageDefaults): ServiceModel {
  const noEntrypoint = e.entrypoint === null || e.entrypoint.length === 0;
  const noCommand = e.command === null || e.command.length === 0;
  return {
    ...e,
    environment: union(e.environment, i.env),
    labels: union(e.labels, i.labels),
    command: noEntrypoint && noCommand ? i.cmd : e.command,
    entrypoint: e.entrypoint ?? i.entrypoint,
    user: e.user ?? i.user,
    workingDir: e.workingDir ?? i.workingDir,
    healthcheck: fillHealth(e.healthcheck, i.healthcheck),
  };
}

/** Moves bind sources under `from` (the repo-side project dir) to `to` (the host's `working_dir` label). */
export function rebaseBinds(e: ServiceModel, from: string, to: string | null): ServiceModel {
  if (to === null || to === from) return e;
  const mounts = new Map<string, MountSpec>();
  for (const [target, m] of e.mounts) {
    const inside = m.type === 'bind' && (m.source === from || m.source.startsWith(`${from}/`));
    mounts.set(target, inside ? { ...m, source: to + m.source.slice(from.length) } : m);
  }
  return { ...e, mounts };
}
