import { z } from 'zod';
import { evenWithIssues, slug, strictObject, text } from './primitives.js';

/** How the bot reaches a cluster's API: a kubeconfig file (and context), or its own service account. */
export const clusterAccessSchema = strictObject({
  /** Path of a kubeconfig file (relative paths are resolved against the config file's folder). */
  kubeconfig: text('expected the path of a kubeconfig file').optional().describe('kubeconfig file'),
  /** Context of the kubeconfig to use; default its current-context. */
  context: text('expected a kubeconfig context name').optional().describe('kubeconfig context'),
  /** Use the pod's service account (the bot runs inside this cluster). */
  inCluster: z
    .boolean({ error: 'expected true or false' })
    .default(false)
    .describe('use the in-cluster service account'),
}).superRefine((access, ctx) => {
  if (access.inCluster === (access.kubeconfig !== undefined)) {
    ctx.addIssue({ code: 'custom', message: 'expected exactly one of kubeconfig (a file path) or inCluster: true' });
  }
}, evenWithIssues);

/** K3s + Helm by hand: one folder per component with a values file and an install script. */
export const helmValuesLayoutSchema = strictObject({
  /** Folders of the apps repo holding one sub-folder per component. */
  componentDirs: z
    .array(text('expected a folder name'), { error: 'expected a list of folders' })
    .default(['infrastructure', 'apps', 'monitoring'])
    .describe('folders with one sub-folder per component'),
  /** The values file of each component, as given to `helm upgrade --install -f`. */
  valuesFile: text('expected a file name').default('values-homelab.yaml').describe('values file per component'),
  /**
   * Files read (in order) for the `helm upgrade --install NAME CHART … -n NS --version V` line that pins
   * release name, namespace and chart version; the first that has it wins.
   */
  installFiles: z
    .array(text('expected a file name'), { error: 'expected a list of file names' })
    .default(['install.sh', 'README.md'])
    .describe('files holding the helm install command'),
});

/** Talos + Flux: manifests per service, reconciled by Flux. */
export const fluxLayoutSchema = strictObject({
  /** Folders of the apps repo holding one sub-folder per service (linted by `/drift lint`). */
  serviceDirs: z
    .array(text('expected a folder name'), { error: 'expected a list of folders' })
    .default(['apps'])
    .describe('folders with one sub-folder per service'),
  /** The GitRepository that tracks this repo, `namespace/name`. */
  gitRepository: text('expected namespace/name of the GitRepository')
    .default('flux-system/flux-system')
    .describe('GitRepository tracking the apps repo'),
  /** Files every service folder must have (besides README.md). */
  requiredFiles: z
    .array(text('expected a file name'), { error: 'expected a list of file names' })
    .default(['kustomization.yaml', 'deployment.yaml', 'service.yaml'])
    .describe('files each service must have'),
});

const base = {
  /** Unique name used in commands and reports (beside host names). */
  name: slug('a cluster name').describe('unique cluster name'),
  /** API access. */
  access: clusterAccessSchema,
};

/** One Kubernetes cluster the bot audits, with its GitOps flavour and repo layout. */
export const clusterSchema = z.discriminatedUnion(
  'flavour',
  [
    strictObject({ ...base, flavour: z.literal('helm-values'), layout: helmValuesLayoutSchema.prefault({}) }),
    strictObject({ ...base, flavour: z.literal('flux'), layout: fluxLayoutSchema.prefault({}) }),
  ],
  { error: 'expected flavour to be "helm-values" or "flux"' },
);

/** A cluster entry after validation. */
export type ClusterConfig = z.infer<typeof clusterSchema>;
export type HelmValuesCluster = Extract<ClusterConfig, { flavour: 'helm-values' }>;
export type FluxCluster = Extract<ClusterConfig, { flavour: 'flux' }>;
