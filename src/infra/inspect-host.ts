import type { DockerHost, DockerObject } from './docker-host.js';

/** One container with the inspect of its image (the shape `src/drift/observed.ts` calls `InspectPair`). */
export interface InspectedContainer {
  readonly container: DockerObject;
  readonly image: DockerObject | undefined;
}

/** Milliseconds spent in each phase (for benchmarks; never asserted in tests). */
export interface InspectTiming {
  readonly listMs: number;
  readonly containersMs: number;
  readonly imagesMs: number;
  readonly totalMs: number;
  readonly containers: number;
  readonly images: number;
}

export interface InspectHostOptions {
  /** Only compose-labelled containers (default) or every container. */
  readonly composeOnly?: boolean;
  readonly concurrency?: number;
  /** Clock in ms; injectable. */
  readonly now?: () => number;
}

const imageOf = (c: DockerObject): string | undefined => (typeof c['Image'] === 'string' ? c['Image'] : undefined);

/**
 * Lists, inspects every container and their (deduped) images of one host. Also the benchmark
 * hook: returns how long each phase took.
 */
export async function inspectHost(
  host: DockerHost,
  options: InspectHostOptions = {},
): Promise<{ containers: InspectedContainer[]; timing: InspectTiming }> {
  const now = options.now ?? (() => performance.now());
  const concurrency = options.concurrency ?? 6;
  const t0 = now();
  const listed =
    options.composeOnly === false ? await host.listContainers({ all: true }) : await host.listComposeContainers();
  const t1 = now();
  const ids = listed.map((c) => c['Id']).filter((id): id is string => typeof id === 'string');
  const inspected = await host.inspectContainers(ids, { concurrency });
  const t2 = now();
  const images = await host.inspectImages(
    inspected.map(imageOf).filter((id): id is string => id !== undefined),
    { concurrency },
  );
  const t3 = now();
  const containers = inspected.map((container) => {
    const id = imageOf(container);
    return { container, image: id === undefined ? undefined : images.get(id) };
  });
  return {
    containers,
    timing: {
      listMs: t1 - t0,
      containersMs: t2 - t1,
      imagesMs: t3 - t2,
      totalMs: t3 - t0,
      containers: containers.length,
      images: images.size,
    },
  };
}
