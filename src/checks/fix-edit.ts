import type { FieldEdit } from '../drift/remediate/field-edit.js';
import type { FixProposal } from './check.js';

/** The compose edit a fix proposal stands for, or a sentence saying why it cannot be applied. */
export function toFieldEdit(fix: Pick<FixProposal, 'field' | 'value'>): FieldEdit | string {
  if (fix.field === 'network_mode') return { kind: 'scalar', field: 'network_mode', value: fix.value };
  if (fix.field === 'volumes') {
    const [source = '', target = ''] = fix.value.split(':');
    if (!source.startsWith('/') || !target.startsWith('/'))
      return `volume "${fix.value}" is not host-path:container-path`;
    return { kind: 'volume', target, mount: { type: 'bind', source, readOnly: false } };
  }
  if (fix.field.startsWith('environment.')) {
    if (!/^\$\{[A-Z_][A-Z0-9_]*\}$/.test(fix.value))
      return 'environment fixes must reference a variable (${VAR}), never a value';
    return { kind: 'entry', block: 'environment', key: fix.field.slice('environment.'.length), value: fix.value };
  }
  return `field ${fix.field} cannot be edited (accepted: volumes, network_mode, environment.<KEY>)`;
}
