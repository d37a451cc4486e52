import { describe, expect, it } from 'vitest';
import { toObserved, toObservedContainers } from './observed.js';

const base = {
  Id: 'abc',
  Name: '/media-sonarr-1',
  State: { Status: 'running' },
  Config: { Image: 'linuxserver/sonarr', Env: ['A=1', 'BARE'], Labels: null, Cmd: null, User: '', WorkingDir: '' },
  HostConfig: {
    RestartPolicy: { Name: '', MaximumRetryCount: 0 },
    Binds: ['4f'.repeat(32) + ':/config:rw', 'media_tv:/tv:ro,z'],
    Tmpfs: { '/run': '' },
    Mounts: [{ Type: 'tmpfs', Target: '/cache' }],
    PortBindings: {
      '8989/tcp': [
        { HostIp: '', HostPort: '8989' },
        { HostIp: '::', HostPort: '8989' },
      ],
    },
    CapAdd: ['cap_net_raw'],
    ExtraHosts: ['nas:10.0.0.2'],
    NetworkMode: 'default',
  },
  NetworkSettings: { Networks: null },
  SomeFutureField: { anything: true },
};

describe('toObserved', () => {
  it('normalises engine output: restart "" → no, caps, bindings, mounts, bare env', () => {
    const o = toObserved({ container: base, image: null });
    expect(o.model.restart).toBe('no');
    expect(o.model.capAdd).toEqual(new Set(['NET_RAW']));
    expect(o.model.ports.get('8989/tcp')).toEqual([':8989', ':::8989']);
    expect(o.model.mounts.get('/tv')).toEqual({ type: 'volume', source: 'media_tv', readOnly: true });
    expect(o.model.mounts.get('/run')?.type).toBe('tmpfs');
    expect(o.model.mounts.get('/cache')?.type).toBe('tmpfs');
    expect(o.model.environment.get('BARE')).toBeNull();
    expect(o.model.image).toEqual({ repo: 'docker.io/linuxserver/sonarr', tag: 'latest', digest: '' });
    expect(o.model.networkMode).toBe('bridge');
  });

  it('identifies compose v2 and v1 names only when labels are missing', () => {
    const [v2] = toObservedContainers([{ container: base, image: {} }], ['media']);
    const [v1] = toObservedContainers([{ container: { ...base, Name: '/media_sonarr_1' }, image: {} }], ['media']);
    expect([v2?.project, v2?.service, v1?.project, v1?.service]).toEqual(['media', 'sonarr', 'media', 'sonarr']);
  });

  it('prefers labels over the name', () => {
    const labelled = {
      ...base,
      Config: { ...base.Config, Labels: { 'com.docker.compose.project': 'tv', 'com.docker.compose.service': 'pvr' } },
    };
    const o = toObserved({ container: labelled, image: {} }, new Map(), ['media']);
    expect([o.project, o.service]).toEqual(['tv', 'pvr']);
  });

  it('rejects a payload that is not a container', () => {
    expect(() => toObserved({ container: { Config: {} }, image: {} })).toThrow();
    expect(toObservedContainers([{ container: 'garbage', image: {} }])).toEqual([]);
  });
});
