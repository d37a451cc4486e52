import type { ComposeFile } from './compose-file.js';
import { hasEntry } from './edit-entries.js';
import { portKey, volumeTarget } from './edit-lists.js';
import type { FieldEdit } from './field-edit.js';
import { isMap, isSeq, serviceNode } from './yaml-nodes.js';

/** Whether the service in `file` sets what `edit` changes (then the value came from that file). */
export function setsField(file: ComposeFile, service: string, edit: FieldEdit): boolean {
  const svc = serviceNode(file.doc, service);
  if (svc === undefined) return false;
  switch (edit.kind) {
    case 'entry':
      return hasEntry(svc.get(edit.block, true), edit.key);
    case 'scalar':
    case 'args':
      return svc.has(edit.field);
    case 'image':
      return svc.has('image');
    case 'port': {
      const ports = svc.get('ports', true);
      return isSeq(ports) && ports.items.some((p) => portKey(p) === `${edit.target}/${edit.protocol}`);
    }
    case 'volume': {
      const volumes = svc.get('volumes', true);
      return isSeq(volumes) && volumes.items.some((v) => volumeTarget(v) === edit.target);
    }
    case 'healthcheck': {
      const hc: unknown = svc.get('healthcheck', true);
      return isMap(hc) && hc.has(edit.part);
    }
    case 'list':
      return svc.has(edit.field);
    case 'device':
      return svc.has('devices');
    case 'map':
      return svc.has(edit.field);
    case 'ulimit':
      return svc.has('ulimits');
    case 'logging':
      return svc.has('logging');
  }
}

/**
 * The file an edit belongs in: the endpoint override when it sets that field (the running value came
 * from it, since the override wins), else the base file when it declares the service, else the override.
 */
export function pickFile(
  base: ComposeFile | undefined,
  override: ComposeFile | undefined,
  service: string,
  edit: FieldEdit,
): ComposeFile | undefined {
  if (override !== undefined && setsField(override, service, edit)) return override;
  if (base !== undefined && serviceNode(base.doc, service) !== undefined) return base;
  return override !== undefined && serviceNode(override.doc, service) !== undefined ? override : undefined;
}
