/**
 * A Kubernetes object as read from the API: only the parts the bot reads are typed, the rest is
 * kept loose (responses are parsed permissively, STYLE.md "Config").
 */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [key: string]: unknown;
}

/** One status condition (`Ready`, `Reconciling`, …) as Kubernetes and Flux write them. */
export interface KubeCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj.a.b.c` when every step is an object; undefined otherwise. */
export function pick(obj: unknown, ...path: readonly string[]): unknown {
  let at: unknown = obj;
  for (const key of path) {
    if (!isRecord(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A text field, or undefined. */
export const pickText = (obj: unknown, ...path: readonly string[]): string | undefined => {
  const v = pick(obj, ...path);
  return typeof v === 'string' ? v : undefined;
};

/** The items of a list field (an empty list when absent or not a list). */
export const pickList = (obj: unknown, ...path: readonly string[]): unknown[] => {
  const v = pick(obj, ...path);
  return Array.isArray(v) ? (v as unknown[]) : [];
};

/** `status.conditions` of an object, keeping only well-formed entries. */
export function conditionsOf(obj: unknown): KubeCondition[] {
  return pickList(obj, 'status', 'conditions').flatMap((c) => {
    const type = pickText(c, 'type');
    const status = pickText(c, 'status');
    if (type === undefined || status === undefined) return [];
    const reason = pickText(c, 'reason');
    const message = pickText(c, 'message');
    return [
      { type, status, ...(reason === undefined ? {} : { reason }), ...(message === undefined ? {} : { message }) },
    ];
  });
}

/** The condition of a type, if present. */
export const conditionOf = (obj: unknown, type: string): KubeCondition | undefined =>
  conditionsOf(obj).find((c) => c.type === type);

/** `namespace/name` of an object (`name` alone for cluster-scoped ones). */
export function objectRef(obj: KubeObject): string {
  const name = obj.metadata?.name ?? '?';
  const ns = obj.metadata?.namespace;
  return ns === undefined ? name : `${ns}/${name}`;
}
