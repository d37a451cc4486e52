import { describe, expect, it } from 'vitest';
import { toFieldEdit } from './fix-edit.js';

describe('toFieldEdit', () => {
  it('turns network_mode, volume and env-var fixes into compose edits', () => {
    expect(toFieldEdit({ field: 'network_mode', value: 'service:gluetun' })).toEqual({
      kind: 'scalar',
      field: 'network_mode',
      value: 'service:gluetun',
    });
    expect(toFieldEdit({ field: 'volumes', value: '/srv/media/downloads:/data/downloads' })).toEqual({
      kind: 'volume',
      target: '/data/downloads',
      mount: { type: 'bind', source: '/srv/media/downloads', readOnly: false },
    });
    expect(toFieldEdit({ field: 'environment.RADARR__AUTH__APIKEY', value: '${RADARR_API_KEY}' })).toEqual({
      kind: 'entry',
      block: 'environment',
      key: 'RADARR__AUTH__APIKEY',
      value: '${RADARR_API_KEY}',
    });
  });

  it('refuses literal environment values (they could be secrets) and unknown fields, naming what is accepted', () => {
    expect(toFieldEdit({ field: 'environment.RADARR__AUTH__APIKEY', value: 'abc123' })).toContain(
      'must reference a variable',
    );
    expect(toFieldEdit({ field: 'image', value: 'x' })).toContain('accepted: volumes, network_mode, environment.<KEY>');
    expect(toFieldEdit({ field: 'volumes', value: 'named:/data' })).toContain('not host-path:container-path');
  });
});
