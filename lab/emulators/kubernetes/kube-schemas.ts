import { APIGroupList } from '@kubernetes-models/apimachinery/apis/meta/v1/APIGroupList';
import { APIResourceList } from '@kubernetes-models/apimachinery/apis/meta/v1/APIResourceList';
import { APIVersions } from '@kubernetes-models/apimachinery/apis/meta/v1/APIVersions';
import { Status } from '@kubernetes-models/apimachinery/apis/meta/v1/Status';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { HelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2beta2/HelmRelease';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { HelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2/HelmRepository';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Event } from 'kubernetes-models/v1/Event';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Node } from 'kubernetes-models/v1/Node';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';

type Validating = new (data: never) => { validate(): void };

/**
 * The Kubernetes OpenAPI schemas (kubernetes-models, generated from the upstream OpenAPI spec and the
 * Flux / cert-manager CRDs) per `apiVersion/kind`. helm.toolkit.fluxcd.io/v2 is checked with the
 * v2beta2 schema (the newest the package ships; v2 kept its fields).
 */
const MODELS: Readonly<Record<string, Validating>> = {
  'v1/Namespace': Namespace,
  'v1/Node': Node,
  'v1/Secret': Secret,
  'v1/Pod': Pod,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Event': Event,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'networking.k8s.io/v1/Ingress': Ingress,
  'cert-manager.io/v1/Certificate': Certificate,
  'source.toolkit.fluxcd.io/v1/GitRepository': GitRepository,
  'source.toolkit.fluxcd.io/v1/HelmRepository': HelmRepository,
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': Kustomization,
  'helm.toolkit.fluxcd.io/v2/HelmRelease': HelmRelease,
  'v1/APIVersions': APIVersions,
  'v1/APIGroupList': APIGroupList,
  'v1/APIResourceList': APIResourceList,
  'v1/Status': Status,
};

const SCHEMA_VERSION: Readonly<Record<string, string>> = {
  'helm.toolkit.fluxcd.io/v2': 'helm.toolkit.fluxcd.io/v2beta2',
  'source.toolkit.fluxcd.io/v1/HelmRepository': 'source.toolkit.fluxcd.io/v1beta2',
};

/** Schema violations of one object (empty when valid); an unknown kind is a violation too. */
export function schemaErrors(obj: Record<string, unknown>): string[] {
  const key = `${String(obj['apiVersion'])}/${String(obj['kind'])}`;
  const Model = MODELS[key];
  if (Model === undefined) return [`${key}: no schema known for this kind`];
  const apiVersion = SCHEMA_VERSION[key] ?? SCHEMA_VERSION[String(obj['apiVersion'])];
  try {
    new Model((apiVersion === undefined ? obj : { ...obj, apiVersion }) as never).validate();
    return [];
  } catch (error) {
    return [`${key}: ${error instanceof Error ? error.message : String(error)}`];
  }
}
