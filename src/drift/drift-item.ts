/** What kind of difference an item reports. Stable strings: they leave the process as JSON. */
export type DriftKind =
  | 'changed'
  | 'added'
  | 'removed'
  | 'missing-container'
  | 'unmanaged-container'
  | 'stale-stack'
  | 'unparseable'
  /** Kubernetes: a Helm release git does not know, a component folder with no release. */
  | 'unmanaged-release'
  | 'missing-release'
  /** Flux: an object not Ready, suspended, behind git's head, or with drift detected by helm-controller. */
  | 'not-ready'
  | 'suspended'
  | 'behind-git'
  | 'drift-detected';

/** How bad a difference is; see `SEVERITY.md` and `classify.ts`. */
export type Severity = 'breaking' | 'functional' | 'cosmetic' | 'unverifiable';

/** Kinds about a whole container, not one of its fields: their `path` is empty. */
export const CONTAINER_KINDS: readonly DriftKind[] = ['missing-container', 'unmanaged-container'];

/**
 * One drift finding. `path` is a field path into the normalised model (`environment.TZ`,
 * `ports[80/tcp]`, `volumes[/data]`), empty for container-level kinds (`missing-container`,
 * `unmanaged-container`: `service` names the service, or the container when it has no compose
 * label, and `stack` its compose project, empty when it has none); `expected`/`actual` are
 * display strings, secrets masked.
 */
export interface DriftItem {
  readonly host: string;
  readonly stack: string;
  readonly service: string | null;
  readonly kind: DriftKind;
  readonly path: string;
  readonly severity: Severity;
  readonly expected: string | null;
  readonly actual: string | null;
}
